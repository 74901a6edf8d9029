from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django_htmx.http import trigger_client_event

from journal.core.caching import FORMAT_VERSION, cached, digest, field_values, per_journal
from journal.models import Profile

# Sent with every change to sessions or check-ins, so widgets and charts that
# listen for it (hx-trigger="journal-changed from:body") refresh themselves.
CHANGED_EVENT = "journal-changed"


def changed(response: HttpResponse) -> HttpResponse:
    return trigger_client_event(response, CHANGED_EVENT)


# A page cached whole per journal version still needs a new CSRF token on every view: the
# token belongs to the browser, not the person (their phone and laptop each have their
# own). The cached page holds this placeholder instead, filled in per view.
CSRF_PLACEHOLDER = "csrf-token-placeholder-3f9c1e"


def partial_or_page(request, template: str, partial: str) -> str:
    """htmx asks for one fragment of a page; a plain request gets the whole page. A
    history restore (Back after the page left htmx's history cache) asks for the whole page
    too, even though it comes from htmx."""
    htmx = request.htmx
    fragment = htmx and not htmx.boosted and not htmx.history_restore_request
    return f"{template}#{partial}" if fragment else template


def render_partial_or_page(request, template: str, partial: str, context: dict) -> HttpResponse:
    """The fragment or the whole page (partial_or_page). The same address answers both
    ways, so the response varies on HX-Request and no cache hands a fragment to a plain
    request."""
    response = render(request, partial_or_page(request, template, partial), context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_cached(
    request, profile, template, name, context, fresh=None, assemble=None
) -> HttpResponse:
    """`template` rendered with `context()` once, then kept until the person's journal, the
    day, their profile or the content shown changes (page_name); `name` carries every other
    input, such as the range. `fresh` maps other placeholders in the page to functions that
    give each view its own value; `assemble`, when given, makes the page's HTML (with the
    CSRF placeholder) instead of a whole render. A view with a message to show once (the
    page reads, and so spends, it) renders afresh."""

    def render_page() -> str:
        return render_to_string(template, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request)

    holes = [CSRF_PLACEHOLDER, *(fresh or {})]
    if len(get_messages(request)):
        parts = with_holes(render_page(), holes)
    else:
        name = page_name(profile, template, name)
        parts = per_journal(profile, name, lambda: with_holes((assemble or render_page)(), holes))
    values = {CSRF_PLACEHOLDER: get_token(request)}
    values.update({placeholder: value() for placeholder, value in (fresh or {}).items()})
    filled = {placeholder.encode(): value.encode() for placeholder, value in values.items()}
    return HttpResponse(b"".join(filled.get(part, part) for part in parts))


def with_holes(page: str, holes: list[str]) -> list[bytes]:
    """The page as the bytes the response sends, cut at its placeholders (`holes`), which
    stand alone in the list: a view fills them in as it joins the pieces, in one pass over
    a page that may weigh half a megabyte (each replace() would be another), and sends
    them without encoding the page again."""
    pieces = [page]
    for hole in holes:
        cut = []
        for piece in pieces:
            if piece in holes:
                cut.append(piece)
                continue
            for i, text in enumerate(piece.split(hole)):
                cut.extend([hole, text] if i else [text])
        pieces = cut
    return [piece.encode() for piece in pieces if piece]


# The profile's fields a page may show (all but its journal version, which is in the keys
# of the pages cached per journal, and not in those of fragments cached apart from it).
FIELDS = [field.attname for field in Profile._meta.concrete_fields]
SHOWN = [name for name in FIELDS if name != "journal_version"]


def shown_content(profile) -> str:
    """A digest of the content's version (content_version, a query), read once per profile
    instance, that is once per request."""
    shown = profile.__dict__.get("_shown_content")
    if shown is None:
        from content.models import content_version

        shown = profile.__dict__["_shown_content"] = digest(content_version())
    return shown


def templates_shown() -> str:
    """A digest of every template's source, for the keys of cached HTML: with a cache that
    outlives the process (Redis, the database), a deploy that changes a template must not
    serve pages rendered from the old one. Read once per process, except under DEBUG, where
    templates are edited while the server runs."""
    return _templates_digest() if not settings.DEBUG else _templates_digest.__wrapped__()


@cache
def _templates_digest() -> str:
    folder = Path(settings.BASE_DIR) / "templates"
    return digest([(str(path), path.read_bytes()) for path in sorted(folder.rglob("*.html"))])


def page_shown(profile) -> str:
    """A digest of what a cached page shows besides the journal: the day, the content's
    version, the templates and the profile's own fields, whose settings (check-in items,
    units) shape pages and whose edit in the admin changes no journal version. Kept on the
    profile instance for the same fields and day: a page asks a dozen times per view."""
    own = [v for f, v in zip(FIELDS, field_values(profile), strict=True) if f in SHOWN]
    read = (own, profile.today())
    kept = profile.__dict__.get("_page_shown")
    if kept is None or kept[0] != read:
        kept = read, digest([shown_content(profile), templates_shown(), *read])
        profile.__dict__["_page_shown"] = kept
    return kept[1]


def page_name(profile, template: str, name: str) -> str:
    """The cache name of a whole page: besides the journal version (journal.core.caching),
    page_shown's digest."""
    return f"page:{template}:{name}:{page_shown(profile)}"


def per_content(profile, name: str, compute):
    """`compute()` of the content app's rows (the same for everyone), cached until the
    content changes: an edit in the admin shows at once."""
    return cached(f"mj:{FORMAT_VERSION}:content:{shown_content(profile)}:{name}", compute)


def effects_by_slug(profile=None) -> dict:
    """The content app's effects (name, grade, Learn page) by slug, in one query; given the
    profile, from the cache while the content is unchanged (per_content)."""
    from content.models import Effect

    def read() -> dict:
        return Effect.objects.in_bulk(field_name="slug")

    return read() if profile is None else per_content(profile, "effects", read)
