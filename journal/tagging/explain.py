"""Explanations: why a tag was given, in plain words, from its stored inputs only."""

from __future__ import annotations

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


def explain(tag: Tag) -> str:
    """Why a tag was given, in plain words, from its stored inputs only."""
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
        parts.append(i["progress"])
    return "; ".join(parts)
