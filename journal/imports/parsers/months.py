"""Month names in the language a phone wrote them in (Daylio's legacy dates).

Daylio's legacy export writes its dates as the phone's language does: "18 May"
in English, "18 sierpnia" in Polish, "18. August" in German. The names come
from the CLDR data every locale has (Babel), not from a table of our own:
the wide and abbreviated names, in their format and stand-alone forms
("sierpnia" and "sierpień"). A file is read in one language, chosen by
imports.md section 3: English when its names read every row, else the
language whose names read the most rows (every row, in a well-formed file),
with the longest names ("agosto" rather than a language whose short name for
December is "de", in "18 de agosto"). One word can name different months in
different languages, so among languages that read the file equally well, the
reading most of them share is taken.

Pure: no Django.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import get_month_names
from babel.localedata import locale_identifiers

_WORD = re.compile(r"[^\W\d_]+")


def split(text: str) -> tuple[int | None, tuple[str, ...]]:
    """ "18 sierpnia" -> (18, ("sierpnia",)); "18 de agosto" -> (18, ("de", "agosto")):
    the day, and the words (casefolded), one of which should be a month's name."""
    digits = re.findall(r"\d+", text)
    day = int(digits[0]) if len(digits) == 1 else None
    return day, tuple(word.casefold() for word in _WORD.findall(text))


def _names(locale: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale).items():
                found.setdefault(name.casefold().strip(" ."), month)
    return found


@lru_cache(maxsize=1)
def _english() -> dict[str, int]:
    """Read first, and alone: the other languages' names load in a second or two."""
    return _names("en")


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, int]]:
    """Each language's month names (languages only: their regions name months alike)."""
    return {code: _names(code) for code in sorted(locale_identifiers()) if "_" not in code}


def language_name(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, TypeError):
        return code


def _month(words: tuple[str, ...], names: dict[str, int]) -> tuple[str, int] | None:
    """The longest of a date's words that is a month's name in a language ("agosto",
    not "de", in "18 de agosto"), with its month."""
    found = [word for word in words if word in names]
    if not found:
        return None
    word = max(found, key=len)
    return word, names[word]


@dataclass(frozen=True)
class Reading:
    language: str  # a CLDR code, "en" first
    months: dict[str, int]  # every month name of the file, in this language

    def month(self, words: tuple[str, ...]) -> int | None:
        found = _month(words, self.months)
        return found[1] if found else None

    def why_not(self, words: tuple[str, ...]) -> str:
        """Why a date's words give no month, in plain words."""
        if not words:
            return "it has no month name"
        shown = " ".join(words)
        if not any(_month(words, names) for names in _index().values()):
            return f"{shown!r} is no month name we know in any language"
        return f"{shown!r} is not a month name in {language_name(self.language)}"


def reading(dates: list[tuple[str, ...]]) -> Reading:
    """The language that reads the month names of a file (each row's words)."""
    counts = Counter(words for words in dates if words)
    english = _english()
    if all(_month(words, english) for words in counts):
        return Reading("en", dict(_month(words, english) for words in counts))
    best, by_reading = (0, 0), defaultdict(list)
    for code, names in _index().items():
        found = {words: _month(words, names) for words in counts}
        # Rows read first, then the letters of the names that read them: "agosto"
        # says more than a language whose short name for a month is "de".
        score = (
            sum(n for words, n in counts.items() if found[words]),
            sum(n * len(found[words][0]) for words, n in counts.items() if found[words]),
        )
        if score[0] == 0 or score < best:
            continue
        if score > best:
            best, by_reading = score, defaultdict(list)
        by_reading[tuple(sorted(set(filter(None, found.values()))))].append(code)
    if not by_reading:
        return Reading("en", {})
    # English first among equals, then the reading most languages share.
    months, codes = max(by_reading.items(), key=lambda kv: ("en" in kv[1], len(kv[1])))
    return Reading("en" if "en" in codes else codes[0], dict(months))
