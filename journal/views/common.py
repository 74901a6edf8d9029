from django.http import HttpResponse
from django.shortcuts import render

# Sent with every change to sessions or check-ins, so widgets and charts that
# listen for it (hx-trigger="journal-changed from:body") refresh themselves.
CHANGED_EVENT = "journal-changed"


def changed(response: HttpResponse) -> HttpResponse:
    response["HX-Trigger"] = CHANGED_EVENT
    return response


def render_partial_or_page(request, template: str, partial: str, context: dict) -> HttpResponse:
    """htmx asks for one fragment of a page; a plain request gets the whole page."""
    name = f"{template}#{partial}" if request.htmx and not request.htmx.boosted else template
    return render(request, name, context)


def effects_by_slug() -> dict:
    """The content app's effects (name, grade, Learn page) by slug, in one query."""
    from content.models import Effect

    return Effect.objects.in_bulk(field_name="slug")
