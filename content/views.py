from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from content.models import Effect, Reference, Section


def _reference_lists() -> list[Prefetch]:
    """A page's two reference lists (evidence, thresholds), each in citation order."""
    ordered = Reference.objects.order_by("authors", "year")
    return [Prefetch(name, queryset=ordered) for name in ("references", "threshold_references")]


def visible_sections(request):
    sections = Section.objects.all()
    return sections if request.user.is_staff else sections.filter(published=True)


def index(request):
    sections = visible_sections(request)
    effects = Effect.objects.select_related("section").filter(section__in=sections)
    return render(request, "content/index.html", {"sections": sections, "effects": effects})


def section(request, slug):
    found = get_object_or_404(
        visible_sections(request).prefetch_related(*_reference_lists()), slug=slug
    )
    effects = found.effects.all()
    return render(request, "content/section.html", {"section": found, "effects": effects})


def effect(request, slug):
    found = get_object_or_404(
        Effect.objects.select_related("section").prefetch_related(*_reference_lists()), slug=slug
    )
    if not (found.section.published or request.user.is_staff):
        raise Http404("No such effect.")
    return render(request, "content/effect.html", {"effect": found})


def glossary(request):
    """The technical words the pages use, each explained once (issue 21)."""
    return render(request, "content/glossary.html")
