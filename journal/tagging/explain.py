"""Explanations: why a tag was given, in plain words, from its stored inputs only."""

from __future__ import annotations

import datetime
import re

from journal.tagging.intensity import (
    AEROBIC,
    HIIT,
    MIXED,
    MOBILITY,
    NEAR_MAX,
    RESISTANCE,
    WALKING,
)
from journal.tagging.rules import Tag

_ACTIVITY_WORDS = {
    AEROBIC: "cardio",
    HIIT: "intervals",
    RESISTANCE: "strength training",
    MIXED: "mixed training",
    MOBILITY: "mobility work",
    WALKING: "walking",
}
_STYLE_WORDS = {
    "yoga": "yoga",
    "pilates": "pilates",
    "stretching": "stretching",
    "tai_chi": "tai chi",
}


def _source_words(inputs: dict, activity: str) -> str:
    value, source = inputs.get("intensity_value"), inputs.get("intensity_source")
    if source == "hrr":
        return f"{value:g}% of heart-rate reserve"
    if source == "hr":
        estimated = " (estimated from age)" if inputs.get("hr_max_estimated") else ""
        return f"{value:g}% of max heart rate{estimated}"
    if source == "srpe":
        return f"effort {value}"
    if source == "1rm":
        return f"{value}% of one-rep max"
    return f"the typical {value:g} METs for {activity}"


# The words windows.max_gap_check uses for a failed gap condition.
_BREAK = re.compile(r"a \d+-day break \(\d+ days at most\)")
# The longest window whose words name a break: the gap condition reads W28.
_GAP_WINDOW_DAYS = 28


def journal_start_words(journal_start: datetime.date) -> str:
    return f"your journal starts on {journal_start.day} {journal_start:%b}"


def progress_words(
    progress: str, day: datetime.date | None, journal_start: datetime.date | None
) -> str:
    """A tag's progress words, read on `day`. Days before the journal's first entry are
    unknown, not a break: where the window reaches back before that entry, the break is
    told as the journal's start instead (the tag itself stays as the rule says)."""
    if not progress or day is None or journal_start is None:
        return progress
    window_start = day - datetime.timedelta(days=_GAP_WINDOW_DAYS - 1)
    if journal_start <= window_start:
        return progress
    return _BREAK.sub(journal_start_words(journal_start), progress)


def explain(
    tag: Tag, day: datetime.date | None = None, journal_start: datetime.date | None = None
) -> str:
    """Why a tag was given, in plain words, from its stored inputs only (and, to word the
    time before a journal began, the session's date and the journal's first entry)."""
    i = tag.inputs
    activity = _ACTIVITY_WORDS.get(i["activity"], "exercise")
    if i["activity"] == MOBILITY:
        activity = _STYLE_WORDS.get(i.get("style", ""), activity)
    level = "near-maximal" if i["intensity"] == NEAR_MAX.slug else i["intensity"]
    source = _source_words(i, activity)
    if i.get("hiit_floor"):
        why = f"{level} (intervals count as at least vigorous; {source} alone reads lower)"
    else:
        why = f"{level} from {source}"
    parts = [f"{why}, {i['minutes']} minutes of {activity}"]
    if tag.magnitude:
        parts.append(f"graded {tag.magnitude}")
    if "progress" in i:
        parts.append(progress_words(i["progress"], day, journal_start))
    return "; ".join(parts)
