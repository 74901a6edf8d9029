"""Health Auto Export (iOS): the JSON its REST-API automation posts, export version 2.

Pure: no Django. The app sends `{"data": {"workouts": [...], "metrics": [...]}}`; only
the workouts are read (metrics are ignored). Each workout becomes a session through the
Apple Health mapping of imports.md (the same table of types, rounding and ranges as an
export.xml `<Workout>`):
- `name` ("Outdoor Run", "Traditional Strength Training") is Apple's activity type in
  words; "Outdoor", "Indoor", "Pool" and "Open Water" before it name a place, not a sport;
- `start` and `end` are "2026-04-01 18:18:55 +0200"; the session's date and start time are
  the start's own, in the offset the app wrote (the phone's time where it was);
- `duration` is in seconds; `distance` is `{"qty", "units"}` in km or mi (m, yd, ft are
  read too); `heartRate` has `min`, `avg` and `max`, each `{"qty", "units"}`; older
  payloads put `avgHeartRate` and `maxHeartRate` beside it, read when it is absent;
- the source id is the workout's `id` (a UUID), so a day sent twice stores each once.
A workout without a usable start, end or duration (or id) is rejected alone, with why.
"""

from __future__ import annotations

from decimal import Decimal

from journal.imports.parsers.activities import key
from journal.imports.parsers.apple import parse_date
from journal.imports.parsers.base import (
    UNIT_KM,
    Item,
    Options,
    Rejected,
    RowProblem,
    session,
)

SOURCE = "apple"
PLACES = ("outdoor", "indoor", "poolswim", "pool", "openwater")
# The app's short words for Apple's types.
WORDS = {
    "run": "Running",
    "walk": "Walking",
    "swim": "Swimming",
    "cycle": "Cycling",
    "bike": "Cycling",
    "hike": "Hiking",
    "row": "Rowing",
}
SOURCE_ID_MAX = 120


class PayloadRefused(ValueError):
    """The body is not a Health Auto Export payload (nothing of it is stored)."""


def workouts_of(document) -> list:
    if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
        raise PayloadRefused('The body has no "data" object: is this Health Auto Export JSON?')
    workouts = document["data"].get("workouts")
    if not isinstance(workouts, list):
        raise PayloadRefused(
            'The body has no "data.workouts" list: choose Workouts as the data type '
            "of the automation (export version 2, JSON)."
        )
    return workouts


def activity_type(name: str) -> str:
    """ "Outdoor Run" -> "Running"; "Traditional Strength Training" stays as it is."""
    word = key(name)
    for place in PLACES:
        if word.startswith(place) and len(word) > len(place):
            word = word[len(place) :]
            if place == "poolswim":
                word = "swim"
            break
    return WORDS.get(word, word if word != key(name) else name)


def _number(value, what: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RowProblem(f"{what} is not a number")
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise RowProblem(f"{what} {str(value)[:20]!r} is not a number") from None
    if not number.is_finite() or (number and number.adjusted() > 12):
        raise RowProblem(f"{what} {str(value)[:20]!r} is not a usable number")
    return number


def _quantity(value, what: str) -> tuple[Decimal | None, str]:
    if value is None:
        return None, ""
    if not isinstance(value, dict):
        raise RowProblem(f"{what} is not an object with qty and units")
    units = value.get("units") or ""
    return _number(value.get("qty"), what), units if isinstance(units, str) else ""


def _heart(workout: dict, name: str) -> Decimal | None:
    summary = workout.get("heartRate")
    if isinstance(summary, dict) and summary.get(name) is not None:
        return _quantity(summary.get(name), f"heartRate.{name}")[0]
    flat = {"avg": "avgHeartRate", "max": "maxHeartRate"}[name]
    return _quantity(workout.get(flat), flat)[0]


def _moment(workout: dict, name: str):
    text = workout.get(name)
    if not isinstance(text, str) or not text.strip():
        raise RowProblem(f"no {name} time")
    try:
        return parse_date(text)
    except RowProblem:
        raise RowProblem(
            f"the {name} time {text[:40]!r} is not like 2026-04-01 18:18:55 +0200"
        ) from None


def _workout(workout, index: int, options: Options):
    if not isinstance(workout, dict):
        raise RowProblem("is not an object")
    ident = workout.get("id")
    if not isinstance(ident, str) or not ident.strip() or len(ident) > SOURCE_ID_MAX:
        raise RowProblem("no id (the app's workout UUID)")
    start, end = _moment(workout, "start"), _moment(workout, "end")
    if end < start:
        raise RowProblem("the end time is before the start time")
    seconds = _number(workout.get("duration"), "the duration")
    if seconds is None or seconds <= 0:
        raise RowProblem("no duration")
    distance, units = _quantity(workout.get("distance"), "the distance")
    if distance is not None and units not in UNIT_KM:
        raise RowProblem(f"the distance unit {units[:20]!r} is not km or mi")
    name = workout.get("name")
    name = name.strip() if isinstance(name, str) else ""
    # The offset the app wrote is the local time there: the moment keeps it (naive).
    return session(
        SOURCE,
        ident.strip(),
        index,
        start.replace(tzinfo=None),
        activity_type(name) if name else "",
        options,
        seconds=seconds,
        distance=distance,
        unit=units or "km",
        avg_hr=_heart(workout, "avg"),
        max_hr=_heart(workout, "max"),
    )


def read(document, options: Options) -> list[Item]:
    """Each workout as an ImportedSession, or Rejected with its index (from 0) and why."""
    items: list[Item] = []
    for index, workout in enumerate(workouts_of(document)):
        try:
            items.append(_workout(workout, index, options))
        except RowProblem as problem:
            items.append(Rejected(index, str(problem)))
    return items
