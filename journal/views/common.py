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

from journal.core.caching import FORMAT_VERSION, Kept, digest, field_values, per_journal
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
    give each view its own value; `assemble`, when given, makes the page instead of a whole
    render, as pieces with each placeholder standing alone (cut). A view with a message to
    show once (the page reads, and so spends, it) renders afresh."""

    def render_page() -> str:
        return render_to_string(template, {**context(), "csrf_token": CSRF_PLACEHOLDER}, request)

    holes = [CSRF_PLACEHOLDER, *(fresh or {})]
    if len(get_messages(request)):
        parts = encoded(cut(render_page(), holes), holes)
    else:
        name = page_name(profile, template, name)
        pieces = assemble or (lambda: cut(render_page(), holes))
        parts = per_journal(profile, name, lambda: encoded(pieces(), holes))
    values = [get_token(request), *(value() for value in (fresh or {}).values())]
    filled = [value.encode() for value in values]
    return HttpResponse(b"".join(filled[part] if type(part) is int else part for part in parts))


def cut(text: str, holes) -> list[str]:
    """`text` cut at each of `holes` (placeholders, markers), which stand alone in the list:
    they are filled in by putting pieces in their place, without a pass over the rest."""
    pieces = [text]
    for hole in holes:
        found = []
        for piece in pieces:
            if piece in holes:
                found.append(piece)
                continue
            for i, part in enumerate(piece.split(hole)):
                found.extend([hole, part] if i else [part])
        pieces = found
    return [piece for piece in pieces if piece]


def filled(pieces: list[str], parts: dict[str, list[str]]) -> list[str]:
    """`pieces` (cut) with each marker that `parts` names replaced by the pieces it maps to."""
    return [part for piece in pieces for part in parts.get(piece, [piece])]


def encoded(pieces: list[str], holes: list[str]) -> list[bytes | int]:
    """A page's pieces (cut at `holes`) as the response sends them: each hole as its index in
    `holes`, which a view fills in as it joins the rest, in one pass over a page that may
    weigh half a megabyte (a replace() per placeholder would be one pass each), sent
    without encoding it again."""
    sizes = {len(hole) for hole in holes}  # no big piece is compared, nor hashed
    return [
        holes.index(piece) if len(piece) in sizes and piece in holes else piece.encode()
        for piece in pieces
    ]


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


# The content's rows this process read last, as they are (read only): the same for everyone.
CONTENT = Kept(32)


def per_content(profile, name: str, compute):
    """`compute()` of the content app's rows (the same for everyone), cached until the
    content changes: an edit in the admin shows at once."""
    return CONTENT.get(f"mj:{FORMAT_VERSION}:content:{shown_content(profile)}:{name}", compute)


def effects_by_slug(profile=None) -> dict:
    """The content app's effects (name, grade, Learn page) by slug, in one query; given the
    profile, from the cache while the content is unchanged (per_content)."""
    from content.models import Effect

    def read() -> dict:
        return Effect.objects.in_bulk(field_name="slug")

    return read() if profile is None else per_content(profile, "effects", read)
