"""The dashboard's cached page, assembled: a shell (base.html, headings, the import card)
rendered once per person and what it shows, with each section put in, rendered apart under
a digest of what it shows (journal.views.dashboard.page_fragments), the charts' cards from
frames of their own with their payload and table put in.

Each is kept as pieces (journal.views.common.cut) with its placeholders and markers
standing alone, so the page is put together by putting pieces in their place: no pass
over the charts' data, which for ten years weighs half a megabyte, looks for a marker."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from journal.core.caching import Kept, digest, person_key
from journal.views.common import CSRF_PLACEHOLDER, cut, filled, page_shown

PAGE = "journal/dashboard/dashboard.html"
CARD = "journal/dashboard/includes/chart.html"
# The quick log's idempotency key must be new on every view of the cached page (two tabs
# must not share one): the page holds this placeholder instead.
LOG_KEY_PLACEHOLDER = "log-key-placeholder-3f9c1e"
HOLES = (CSRF_PLACEHOLDER, LOG_KEY_PLACEHOLDER)  # each view fills them in (render_cached)
# The pieces this process rendered or read last (a few kilobytes each), kept as they are.
PIECES = Kept(512)


def kept_pieces(user, name: str, render) -> list[str]:
    """The pieces cached for this person under `name` (which names all they show), as
    PIECES keeps them: never mutated, a page puts them in its own list."""
    return PIECES.get(person_key(user, name), render)


def fragment(profile, name: str, shown, context, template=None) -> list[str]:
    """The page's partial `name` (or the whole `template`), rendered once per person and
    `shown` (everything it shows besides page_shown's day, profile and content), not once
    per journal version: a session logged today seldom changes the forms, the lists waiting
    for the person or the long-term card. Its CSRF token is render_cached's placeholder.
    No section reads the request (the page's shell does), so a write can render them all
    for the next view (journal.views.dashboard.refresh)."""
    return kept_pieces(
        profile.user,
        f"dashboard:{name}:{digest([page_shown(profile), shown])}",
        lambda: cut(
            render_to_string(
                template or f"{PAGE}#{name}", {**context(), "csrf_token": CSRF_PLACEHOLDER}
            ),
            HOLES,
        ),
    )


# The sections of the cached page rendered apart from it: its shell holds a marker for each
# (page_fragments gives all but the charts).
SECTIONS = (
    "summary",
    "experiment_today",
    "quick_log",
    "checkin",
    "pending",
    "feelings",
    "chronic",
    "charts",
)
SHELL_MARKERS = {name: mark_safe(f"<!--section-{name}-3f9c1e-->") for name in SECTIONS}


def page_shell(request, profile, context: dict) -> list[str]:
    """The page around its sections (base.html, the headings, the import card), rendered
    once per person, page_shown, address, import card and static files' names (their
    hashes change with a deploy that leaves the templates alone), with a marker for each
    section."""
    shown = [
        page_shown(profile),
        request.path,
        context["journal_empty"],
        getattr(staticfiles_storage, "manifest_hash", ""),
    ]
    return kept_pieces(
        request.user,
        f"dashboard:shell:{digest(shown)}",
        lambda: cut(
            render_to_string(
                PAGE,
                {**context, "fragments": SHELL_MARKERS, "csrf_token": CSRF_PLACEHOLDER},
                request,
            ),
            [*HOLES, *SHELL_MARKERS.values()],
        ),
    )


def assembled_page(request, profile, context) -> list[str]:
    """The cached page: its shell (page_shell) with each section's pieces in its place, each
    from its own cache (page_fragments)."""
    found = context()
    sections = {marker: found["fragments"][name] for name, marker in SHELL_MARKERS.items()}
    return filled(page_shell(request, profile, found), sections)


# A chart card's frame holds these where its payload and its table go: the two parts that
# change with the journal.
PAYLOAD_MARKER = mark_safe("<!--chart-payload-3f9c1e-->")
CARDS_MARKER = mark_safe("<!--chart-cards-3f9c1e-->")  # where the charts section's cards go
TABLE_MARKER = mark_safe("<!--chart-table-3f9c1e-->")


class _Framed:
    """A chart whose payload and table are markers, to render its card's frame."""

    payload_script = PAYLOAD_MARKER
    table_html = TABLE_MARKER

    def __init__(self, chart):
        self._chart = chart

    def __getattr__(self, name):
        return getattr(self._chart, name)


def chart_card(profile, chart, section) -> list[str]:
    """A chart's card (includes/chart.html): its frame rendered once per person and what
    the frame shows (the chart's words and kind, page_shown's content), the payload and the
    table, written by the chart itself, put in. A template renders a card in about 0.15 ms,
    a dozen times more than putting the two in."""
    shown = [
        page_shown(profile),
        [chart.key, chart.title, chart.caption, chart.kind, chart.empty, chart.axes],
        [chart.gap_text, chart.is_empty, section and section.pk],
    ]
    frame = kept_pieces(
        profile.user,
        f"dashboard:chart:{digest(shown)}",
        lambda: cut(
            render_to_string(CARD, {"chart": _Framed(chart), "section": section}),
            [PAYLOAD_MARKER, TABLE_MARKER, *HOLES],
        ),
    )
    if chart.is_empty:  # its frame holds neither
        return frame
    return filled(frame, {PAYLOAD_MARKER: chart.payload_parts(), TABLE_MARKER: chart.table_parts()})
