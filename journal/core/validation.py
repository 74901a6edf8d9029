"""The rules that span fields or depend on the date: one home for each.

The models' clean() call these, so the forms (a ModelForm runs clean()) and
the importer (which calls full_clean()) accept exactly the same values. Pure:
plain values in, ValidationError out; no database.
"""

import zoneinfo
from datetime import date
from functools import cache

from django.core.exceptions import ValidationError

# A logged session longer than this is asked about once ("really 7.5 hours?"): it is
# allowed (an ultra, a long hike) but more often a slip of the keyboard.
LONG_SESSION_MINUTES = 300


def hours_words(minutes: int) -> str:
    """ "7.5 hours", "6 hours", "1 hour": minutes as a person says them."""
    hours = round(minutes / 60, 1)
    shown = f"{hours:g}"
    return f"{shown} hour" if hours == 1 else f"{shown} hours"


# The youngest and oldest ages the profile accepts for a birth year.
BIRTH_AGES = (10, 110)


def birth_years(today: date) -> tuple[int, int]:
    """The earliest and latest birth year the profile accepts this year."""
    return today.year - BIRTH_AGES[1], today.year - BIRTH_AGES[0]


def earliest_date(birth_year: int | None, today: date) -> date:
    """The first day a session or check-in may be dated.

    1 January of the person's birth year; without one, of the oldest birth
    year the profile accepts (110 years ago). Nobody logs a day before birth,
    and a stray year like 1900 would otherwise stretch the "All" charts.
    """
    return date(birth_year or birth_years(today)[0], 1, 1)


def check_date(value: date, today: date, birth_year: int | None) -> None:
    if value > today:
        raise ValidationError(
            "That date is in the future. Log sessions and check-ins on or before today."
        )
    first = earliest_date(birth_year, today)
    if value < first:
        raise ValidationError(f"Enter a date on or after {first:%-d %B %Y}.")


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_profile(profile, *, items: list[str], today: date) -> None:
    """The profile's rules; `items` are the check-in items a person may choose."""
    birth_year, resting_hr, max_hr = profile.birth_year, profile.resting_hr, profile.max_hr
    time_zone, checkin_items = profile.time_zone, profile.checkin_items
    errors = {}
    low, high = birth_years(today)
    if birth_year is not None and not low <= birth_year <= high:
        errors["birth_year"] = f"Enter a year between {low} and {high}."
    if resting_hr and max_hr and resting_hr >= max_hr:
        errors["resting_hr"] = "Resting heart rate must be below the maximum."
    if time_zone not in known_time_zones():
        errors["time_zone"] = f"{str(time_zone)[:40]!r} is not a known time zone."
    if not isinstance(checkin_items, list) or not all(
        isinstance(item, str) and item in items for item in checkin_items
    ):
        errors["checkin_items"] = f"Choose check-in items from {', '.join(items)}."
    if errors:
        raise ValidationError(errors)


def check_session(*, avg_hr, max_hr) -> None:
    if avg_hr and max_hr and avg_hr > max_hr:
        raise ValidationError({"avg_hr": "Average heart rate can't be above the maximum."})
