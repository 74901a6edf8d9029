"""/api/v1/sessions: a person's sessions as exchange-format.md's objects.

Writes go through journal.core.services, the forms' write path: the same retag, the
same journal version bump (so the dashboard's caches go stale), the same uniqueness.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from ninja import Field as NinjaField
from ninja import Query, Router, Schema, Status

from journal import imports
from journal.api.errors import ERRORS, FieldError, problems_of
from journal.api.schemas import (
    ACTIVITIES,
    SessionIn,
    SessionList,
    SessionOut,
    TagList,
)
from journal.core import services, validation
from journal.models import SESSION_RANGES, Session

router = Router(tags=["sessions"])
MAX_LIMIT = 500
# The exchange format's fields copied as they are (start_time, style, note, source apart).
FIELDS = ["date", "activity", *SESSION_RANGES]


class Page(Schema):
    limit: int = NinjaField(50, ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")
    offset: int = NinjaField(0, ge=0, description="a huge offset is an empty page")


class SessionFilters(Page):
    """The Sessions page's filters: a date range and an activity."""

    start: str | None = NinjaField(None, description="first date, YYYY-MM-DD")
    end: str | None = NinjaField(None, description="last date, YYYY-MM-DD")
    activity: ACTIVITIES | None = None


def session_out(session: Session) -> dict:
    return {
        "id": session.uuid,
        "date": session.date,
        "start_time": session.start_time.strftime("%H:%M") if session.start_time else None,
        "activity": session.activity,
        "style": session.style,
        "minutes": session.minutes,
        **{name: getattr(session, name) for name in FIELDS[2:]},
        "note": session.note,
        "source": session.source,
        "source_id": session.source_id or None,
        "tags": imports.tag_rows(session),
    }


def page_of(queryset, page: Page, shape) -> dict:
    """{"items": [...], "count": N}; an offset past the end is an empty page."""
    count = queryset.count()
    rows = [] if page.offset >= count else queryset[page.offset : page.offset + page.limit]
    return {"items": [shape(row) for row in rows], "count": count}


def parse_day(value: str | None, name: str):
    import datetime as dt

    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError([(name, f"{value[:20]!r} is not a date like 2026-11-20")]) from None


def owned(request, session_id: UUID) -> Session:
    found = Session.objects.filter(owner=request.user, uuid=session_id).first()
    if found is None:
        raise Http404
    return found


def fill(session: Session, data: SessionIn, profile) -> Session:
    """The session with the body's values, checked as the forms check them."""
    import datetime as dt

    try:
        validation.check_date(data.date, profile.today(), profile.birth_year)
    except ValidationError as error:
        raise FieldError([("date", " ".join(error.messages))]) from None
    if data.source_id and not data.source:
        raise FieldError([("source", "A source_id needs its source, such as strava.")])
    for name in FIELDS:
        setattr(session, name, getattr(data, name))
    session.start_time = dt.time.fromisoformat(data.start_time) if data.start_time else None
    session.style = (data.style or "") if data.activity == "mobility" else ""
    session.note = data.note or ""
    session.source, session.source_id = data.source or "", data.source_id or ""
    try:
        session.full_clean(
            exclude=["owner", "uuid"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise FieldError(problems_of(error)) from None
    return session


@router.get("/sessions", response={200: SessionList, **ERRORS}, summary="List sessions")
def list_sessions(request, filters: Query[SessionFilters]):
    start, end = parse_day(filters.start, "start"), parse_day(filters.end, "end")
    if start and end and start > end:
        raise FieldError([("end", "The end date is before the start date.")])
    sessions = Session.objects.for_user(request.user).between(start, end)
    if filters.activity:
        sessions = sessions.filter(activity=filters.activity)
    return page_of(sessions.prefetch_related("tags"), filters, session_out)


@router.post(
    "/sessions",
    response={200: SessionOut, 201: SessionOut, **ERRORS},
    summary="Log a session",
    description="201 with the new session; 200 with the stored one when the journal "
    "already holds the body's `id`, or its `source` and `source_id` pair.",
)
def create_session(request, data: SessionIn):
    profile = services.profile_for(request.user)
    session = Session(owner=request.user)
    if data.id is not None:
        session.uuid = data.id
    fill(session, data, profile)
    stored, new = services.save_new_session_once(session)
    return Status(201 if new else 200, session_out(stored))


@router.get("/sessions/{session_id}", response={200: SessionOut, **ERRORS}, summary="A session")
def read_session(request, session_id: UUID):
    return session_out(owned(request, session_id))


@router.put(
    "/sessions/{session_id}", response={200: SessionOut, **ERRORS}, summary="Replace a session"
)
def update_session(request, session_id: UUID, data: SessionIn):
    session = owned(request, session_id)
    fill(session, data, services.profile_for(request.user))
    try:
        services.save_session(session)
    except IntegrityError:  # its source pair is another session's
        raise FieldError(
            [("source_id", "Another session of yours has this source and source_id.")]
        ) from None
    return session_out(Session.objects.get(pk=session.pk))


@router.delete("/sessions/{session_id}", response={204: None, **ERRORS}, summary="Delete")
def delete_session(request, session_id: UUID):
    services.delete_session(owned(request, session_id))
    return Status(204, None)


@router.get(
    "/sessions/{session_id}/tags",
    response={200: TagList, **ERRORS},
    summary="A session's tags, with why each was given",
)
def session_tags(request, session_id: UUID):
    items = imports.tag_rows(owned(request, session_id), why=True)
    return {"items": items, "count": len(items)}
