from django.contrib import admin
from django.utils.safestring import mark_safe

from content.models import ChartPlacement, Effect, Reference, Section


class EffectInline(admin.TabularInline):
    model = Effect
    fields = ["name", "slug", "evidence_grade", "position"]
    readonly_fields = ["slug"]
    extra = 0
    show_change_link = True


class PlacementInline(admin.TabularInline):
    model = ChartPlacement
    extra = 0


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "position", "published", "updated"]
    list_editable = ["position", "published"]
    list_filter = ["published"]
    search_fields = ["title", "summary", "body"]
    ordering = ["position"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["references", "threshold_references"]
    readonly_fields = ["preview", "updated"]
    fields = [
        "title",
        "slug",
        "summary",
        "body",
        "preview",
        "position",
        "published",
        "references",
        "threshold_references",
        "updated",
    ]
    inlines = [EffectInline, PlacementInline]

    @admin.display(description="Preview (as saved)")
    def preview(self, section):
        # body_html is produced by nh3 from the allow-list in content.markdown.
        return mark_safe(section.body_html) if section.body_html else "Save to see the preview."  # noqa: S308


@admin.register(Effect)
class EffectAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "slug",
        "direction",
        "change",
        "timescale",
        "evidence_grade",
        "grade_detail",
        "section",
    ]
    list_filter = ["evidence_grade", "timescale", "category", "section", "article_wording"]
    search_fields = ["name", "slug", "benefit"]
    ordering = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["references", "threshold_references"]
    list_select_related = ["section"]

    # The slug is the key the tagging rules, stored tags and exports use: renaming it would
    # orphan them, so it is set once, when the effect is added.
    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else self.prepopulated_fields


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["key", "authors", "year", "title", "venue", "volume_pages"]
    search_fields = ["key", "authors", "title", "venue"]
    list_filter = ["year"]
    ordering = ["key"]


@admin.register(ChartPlacement)
class ChartPlacementAdmin(admin.ModelAdmin):
    list_display = ["chart_key", "section"]
    list_select_related = ["section"]
