"""/api/v1/checkins: a person's daily check-ins, one per date, written by date."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field as NinjaField
from ninja import Query, Router, Status

from journal.api.errors import ERRORS, FieldError, problems_of
from journal.api.schemas import CheckInIn, CheckInList, CheckInOut
from journal.api.sessions import Page, page_of, parse_day
from journal.core import services, validation
from journal.models import CHECKIN_RANGES, CheckIn

router = Router(tags=["check-ins"])
FIELDS = ["mood", *(name for name in CHECKIN_RANGES if name != "mood"), "note"]


class CheckInFilters(Page):
    start: str | None = NinjaField(None, description="first date, YYYY-MM-DD")
    end: str | None = NinjaField(None, description="last date, YYYY-MM-DD")


def checkin_out(checkin: CheckIn) -> dict:
    return {"date": checkin.date, **{name: getattr(checkin, name) for name in FIELDS}}


@router.get("/checkins", response={200: CheckInList, **ERRORS}, summary="List check-ins")
def list_checkins(request, filters: Query[CheckInFilters]):
    start, end = parse_day(filters.start, "start"), parse_day(filters.end, "end")
    if start and end and start > end:
        raise FieldError([("end", "The end date is before the start date.")])
    checkins = CheckIn.objects.for_user(request.user)
    if start:
        checkins = checkins.filter(date__gte=start)
    if end:
        checkins = checkins.filter(date__lte=end)
    return page_of(checkins, filters, checkin_out)


@router.get("/checkins/{day}", response={200: CheckInOut, **ERRORS}, summary="A day's check-in")
def read_checkin(request, day: dt.date):
    found = CheckIn.objects.for_user(request.user).filter(date=day).first()
    if found is None:
        raise Http404
    return checkin_out(found)


@router.put(
    "/checkins/{day}",
    response={200: CheckInOut, 201: CheckInOut, **ERRORS},
    summary="Create or replace a day's check-in",
    description="201 when the day had none, 200 when its check-in was replaced "
    "(fields left out become empty).",
)
def put_checkin(request, day: dt.date, data: CheckInIn):
    date = day
    if data.date is not None and data.date != date:
        raise FieldError([("date", "The body's date differs from the path's; leave it out.")])
    profile = services.profile_for(request.user)
    try:
        validation.check_date(date, profile.today(), profile.birth_year)
    except ValidationError as error:
        raise FieldError([("date", " ".join(error.messages))]) from None
    checkin = CheckIn(owner=request.user, date=date)
    for name in FIELDS:
        setattr(checkin, name, getattr(data, name))
    checkin.note = data.note or ""
    try:
        checkin.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise FieldError(problems_of(error)) from None
    existed = CheckIn.objects.for_user(request.user).filter(date=date).exists()
    saved = services.save_checkin(checkin)
    return Status(200 if existed else 201, checkin_out(saved))


@router.delete("/checkins/{day}", response={204: None, **ERRORS}, summary="Delete a check-in")
def delete_checkin(request, day: dt.date):
    found = CheckIn.objects.for_user(request.user).filter(date=day).first()
    if found is None:
        raise Http404
    services.delete_checkin(found)
    return Status(204, None)
