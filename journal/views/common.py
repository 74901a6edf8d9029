from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import trigger_client_event

# Sent with every change to sessions or check-ins, so widgets and charts that
# listen for it (hx-trigger="journal-changed from:body") refresh themselves.
CHANGED_EVENT = "journal-changed"


def changed(response: HttpResponse) -> HttpResponse:
    return trigger_client_event(response, CHANGED_EVENT)


def render_partial_or_page(request, template: str, partial: str, context: dict) -> HttpResponse:
    """htmx asks for one fragment of a page; a plain request gets the whole page.

    A history restore (Back after the page left htmx's history cache) asks for the whole
    page too, even though it comes from htmx; and the same address answers both ways, so
    the response varies on HX-Request and no cache hands a fragment to a plain request.
    """
    htmx = request.htmx
    fragment = htmx and not htmx.boosted and not htmx.history_restore_request
    response = render(request, f"{template}#{partial}" if fragment else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def effects_by_slug() -> dict:
    """The content app's effects (name, grade, Learn page) by slug, in one query."""
    from content.models import Effect

    return Effect.objects.in_bulk(field_name="slug")
