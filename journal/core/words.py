"""How the app says counts, dates and names in sentences a person reads.

Pure Python (no Django), so every page, message and report says them the same
way: "1 session", "2 sessions"; "an Endorphins session"; "Wed 2 Dec" (with the
year when it is not this year's), never an ISO date.
"""

import re
from datetime import date

# Words read with a vowel sound despite their first letter, and the reverse.
_AN_EXCEPTIONS = ("hour", "honest", "hiit", "hr")
_A_EXCEPTIONS = ("one", "use", "user", "usual", "uni", "euro")


def count(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 session", "0 sessions", "1,500 check-ins"."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {word}"


def noun(number: int, singular: str, plural: str | None = None) -> str:
    """The word alone, agreeing with `number`: "claim" or "claims"."""
    return singular if number == 1 else (plural or singular + "s")


def verb(number: int, singular: str, plural: str) -> str:
    """ "has" or "have", "was" or "were", agreeing with `number`."""
    return singular if number == 1 else plural


def article(word: str) -> str:
    """ "a" or "an" before `word`, by how it sounds: an Endorphins, a Dopamine, an HIIT."""
    lowered = word.strip().lower()
    if not lowered:
        return "a"
    if lowered.startswith(_A_EXCEPTIONS):
        return "a"
    if lowered.startswith(_AN_EXCEPTIONS) or lowered[0] in "aeiou":
        return "an"
    return "a"


def with_article(word: str) -> str:
    return f"{article(word)} {word}"


def day(value: date, today: date | None = None) -> str:
    """ "Wed 2 Dec", or "Wed 2 Dec 2025" when the year is not this one's."""
    today = today or date.today()
    text = f"{value:%a} {value.day} {value:%b}"
    return text if value.year == today.year else f"{text} {value.year}"


def day_long(value: date) -> str:
    """ "Wednesday 2 December 2026": where there is room and the year matters."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def day_or_today(value: date, today: date, named: bool = False) -> str:
    """ "today", "yesterday", else day(); `named` adds the day to "yesterday"."""
    if value == today:
        return f"today, {day(value, today)}" if named else "today"
    if (today - value).days == 1:
        return f"yesterday, {day(value, today)}" if named else "yesterday"
    return day(value, today)


def span(first: date | None, last: date | None, today: date | None = None) -> str:
    """A date range in words: "3 Jan 2024 to Wed 2 Dec"; one day once."""
    if first is None or last is None:
        return ""
    if first == last:
        return day(first, today)
    return f"{day(first, today)} to {day(last, today)}"


# Prefixes the apps put before their type names in the files.
_TYPE_PREFIXES = ("HKWorkoutActivityType",)


def plain_type(name: str) -> str:
    """An app's activity type as a person reads it: "HKWorkoutActivityTypeTraditionalStrength
    Training" -> "Traditional strength training", "strength_training" -> "Strength training",
    "High Intensity Interval Training (HIIT)" -> "High intensity interval training (HIIT)"."""
    text = (name or "").strip()
    for prefix in _TYPE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text.replace("_", " "))
    parts = text.split()
    if not parts:
        return name or ""
    kept = [parts[0][:1].upper() + parts[0][1:]]
    for part in parts[1:]:
        bare = part.strip("()")
        kept.append(part if len(bare) > 1 and bare.isupper() else part.lower())
    return " ".join(kept)
