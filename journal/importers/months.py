"""Month names in the language a phone wrote them in (Daylio's legacy dates).

Daylio's legacy export writes its dates as the phone's language does: "18 May"
in English, "18 sierpnia" in Polish, "18. August" in German. The names come
from the CLDR data every locale has (Babel), not from a table of our own:
the wide and abbreviated names, in their format and stand-alone forms
("sierpnia" and "sierpień"). A file is read in one language, chosen by
imports.md section 3: English when its names read every row, else the
language whose names read the most rows (every row, in a well-formed file).
One word can name different months in different languages, so among the
languages that read as many rows, the reading most of them share is taken.

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

_WORD = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


def split(text: str) -> tuple[int | None, str]:
    """ "18 sierpnia" -> (18, "sierpnia"); "18. August" -> (18, "august"); casefolded."""
    digits = re.findall(r"\d+", text)
    words = _WORD.findall(text)
    day = int(digits[0]) if len(digits) == 1 else None
    return day, " ".join(words).casefold().strip(" .")


def _names(locale: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale).items():
                found.setdefault(name.casefold().strip(" ."), month)
    return found


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, int]]:
    """Each language's month names (languages only: their regions name months alike)."""
    return {code: _names(code) for code in sorted(locale_identifiers()) if "_" not in code}


def language_name(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, TypeError):
        return code


@dataclass(frozen=True)
class Reading:
    language: str  # a CLDR code, "en" first
    months: dict[str, int]  # every word of the file this language reads

    def month(self, word: str) -> int | None:
        return self.months.get(word)

    def why_not(self, word: str) -> str:
        """Why `word` gives no month, in plain words."""
        if not word:
            return "it has no month name"
        if not any(word in names for names in _index().values()):
            return f"{word!r} is no month name we know in any language"
        return f"{word!r} is not a month name in {language_name(self.language)}"


def reading(words: list[str]) -> Reading:
    """The language that reads the month names of a file (one word per row)."""
    counts = Counter(w for w in words if w)
    english = _index()["en"]
    if all(w in english for w in counts):
        return Reading("en", {w: english[w] for w in counts})
    best, by_reading = 0, defaultdict(list)
    for code, names in _index().items():
        read = sum(n for w, n in counts.items() if w in names)
        if read == 0 or read < best:
            continue
        if read > best:
            best, by_reading = read, defaultdict(list)
        months = tuple(sorted((w, names[w]) for w in counts if w in names))
        by_reading[months].append(code)
    if not by_reading:
        return Reading("en", {})
    # English first among equals, then the reading most languages share.
    months, codes = max(by_reading.items(), key=lambda kv: ("en" in kv[1], len(kv[1])))
    return Reading("en" if "en" in codes else codes[0], dict(months))
