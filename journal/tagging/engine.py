"""The engine: tags a history against the rules in one pass, and the dashboard's chronic
states. Every chronic route's predicate is evaluated once per date."""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from journal.tagging.acute import ACUTE_RULES
from journal.tagging.chronic import CHRONIC_RULES, ChronicRule
from journal.tagging.intensity import (
    ProfileFacts,
    RatedSession,
    SessionFacts,
    rate,
    unique_sessions,
)
from journal.tagging.rules import RULES_VERSION, Tag
from journal.tagging.windows import WINDOW_DAYS, Check, Timeline, WindowSet, holds, windows_ending


def _chronic_tag(rule: ChronicRule, s: RatedSession, evaluation) -> Tag:
    held = [checks for ok, checks in evaluation if ok]
    if held:
        status, checks = "sustained", held[0]
    else:
        # Progress along the route this session contributes to.
        status = "building"
        checks = next(
            checks
            for route, (_, checks) in zip(rule.routes, evaluation, strict=True)
            if route.contributes(s)
        )
    inputs = dict(s.inputs)
    inputs.update((c.key, c.value) for c in checks)
    inputs["progress"] = "; ".join(c.text for c in checks)
    return Tag(rule.effect, "chronic", status, "", f"{rule.effect}.chronic", RULES_VERSION, inputs)


class _Tagger:
    """Tags sessions against one timeline, evaluating each route's predicate once per date
    (routes such as REGULAR_MOD are shared by several rules)."""

    def __init__(self, sessions: list[RatedSession], profile: ProfileFacts):
        self.timeline = Timeline(sessions)
        self.chronic = [r for r in CHRONIC_RULES if r.applies(profile)]
        self._checks: dict[tuple[int, int], tuple[bool, tuple[Check, ...]]] = {}
        self._window_sets: dict[int, WindowSet] = {}

    def evaluation(self, rule: ChronicRule, day: int) -> list[tuple[bool, tuple[Check, ...]]]:
        """(holds, checks) per route of a chronic rule on one date."""
        out = []
        for route in rule.routes:
            key = (day, id(route))
            if key not in self._checks:
                if day not in self._window_sets:
                    self._window_sets[day] = windows_ending(self.timeline, day)
                checks = route.predicate(self._window_sets[day])
                self._checks[key] = (holds(checks), checks)
            out.append(self._checks[key])
        return out

    def tags(self, s: RatedSession) -> list[Tag]:
        tags = []
        for rule in ACUTE_RULES:
            magnitude = rule.fires(s)
            if magnitude is not None:
                inputs = {**s.inputs, **rule.extra}
                rule_id = f"{rule.effect}.acute"
                tags.append(
                    Tag(rule.effect, "acute", "acute", magnitude, rule_id, RULES_VERSION, inputs)
                )
        for rule in self.chronic:
            if any(route.contributes(s) for route in rule.routes):
                tags.append(_chronic_tag(rule, s, self.evaluation(rule, s.day)))
        tags.sort(key=lambda t: t.rule)
        return tags


# --- public entry points --------------------------------------------------------------------


def affected_until(d: datetime.date) -> datetime.date:
    """The last date whose windows include `d`: retag sessions dated in [d, affected_until(d)]."""
    return d + datetime.timedelta(days=WINDOW_DAYS - 1)


def tag_session(
    session: SessionFacts, history: Iterable[SessionFacts], profile: ProfileFacts
) -> list[Tag]:
    """Tags of one session, given the owner's sessions (any order; may include this session,
    whose given version wins, and sessions outside its windows, which are ignored)."""
    first = session.date - datetime.timedelta(days=WINDOW_DAYS - 1)
    window = {
        key: s
        for key, s in unique_sessions(h for h in history if h.key != session.key).items()
        if first <= s.date <= session.date
    }
    window[session.key] = session
    rated = {key: rate(s, profile) for key, s in window.items()}
    return _Tagger(list(rated.values()), profile).tags(rated[session.key])


def tag_history(sessions: Iterable[SessionFacts], profile: ProfileFacts) -> dict[object, list[Tag]]:
    """Tags of every session of a history, in one pass; equal to tag_session for each."""
    rated = [rate(s, profile) for s in unique_sessions(sessions).values()]
    rated.sort(key=lambda s: s.day)
    tagger = _Tagger(rated, profile)
    return {s.facts.key: tagger.tags(s) for s in rated}


def chronic_holds_by_date(
    history: Iterable[SessionFacts],
    profile: ProfileFacts,
    dates_by_effect: Mapping[str, Iterable[datetime.date]],
) -> dict[str, dict[datetime.date, bool]]:
    """Whether each effect's chronic window predicate holds on each of its dates, for Insights.

    The same evaluation that makes a session's chronic tag "sustained", on any date, with or
    without a session that day: every window ends on the date and counts the sessions dated
    on or before it (effect-rules.md 0.5). An effect whose rule does not apply to the profile
    (a sex-specific rule) holds on no date. One timeline for the whole history, and each
    route's predicate once per date, so ten years of dates stay near-linear.
    """
    rules = {rule.effect: rule for rule in CHRONIC_RULES}
    unknown = [effect for effect in dates_by_effect if effect not in rules]
    if unknown:
        raise ValueError(f"no chronic rule for {', '.join(unknown)}")
    rated = sorted((rate(s, profile) for s in unique_sessions(history).values()), key=_day)
    tagger = _Tagger(rated, profile)
    applies = {rule.effect for rule in tagger.chronic}
    return {
        effect: {
            d: effect in applies
            and any(ok for ok, _ in tagger.evaluation(rules[effect], d.toordinal()))
            for d in sorted(set(dates))
        }
        for effect, dates in dates_by_effect.items()
    }


def _day(s: RatedSession) -> int:
    return s.day


class Pattern(NamedTuple):
    """A chronic effect's state today, with how far along its conditions are."""

    state: str  # sustained | building | lapsed
    share: float  # 0 to 1: the least advanced condition of the most advanced route
    progress: str  # that route's conditions in words, as on a tag


def _furthest(evaluation) -> tuple[float, str]:
    """The route nearest to holding, as (share, words)."""
    return max(
        (min((c.share for c in checks), default=1.0), "; ".join(c.text for c in checks))
        for _, checks in evaluation
    )


def chronic_progress(
    history: Iterable[SessionFacts], profile: ProfileFacts, today: datetime.date
) -> dict[str, Pattern]:
    """The person's state per chronic effect on `today`, for the dashboard:

    - "sustained": the rule's predicate holds today;
    - "lapsed": it does not, and the last contributing session (however old) was tagged
      sustained; this wins over "building", as the spec has a chronic effect lapse when its
      predicate fails after being sustained;
    - "building": otherwise, when a contributing session lies in its route's window;
    - absent: none of these (or the effect does not apply to this profile).
    Each comes with today's progress (share and words). Sessions dated after `today` are
    ignored.
    """
    rated = sorted(
        (rate(s, profile) for s in unique_sessions(history).values() if s.date <= today),
        key=lambda s: s.day,
    )
    tagger = _Tagger(rated, profile)
    days = [s.day for s in rated]
    now = today.toordinal()
    patterns: dict[str, Pattern] = {}
    for rule in sorted(tagger.chronic, key=lambda r: r.effect):
        evaluation = tagger.evaluation(rule, now)
        held = [checks for ok, checks in evaluation if ok]
        if held:
            words = "; ".join(c.text for c in held[0])
            patterns[rule.effect] = Pattern("sustained", 1.0, words)
            continue
        last = next(
            (s for s in reversed(rated) if any(r.contributes(s) for r in rule.routes)), None
        )
        if last is None:
            continue
        if any(ok for ok, _ in tagger.evaluation(rule, last.day)):
            patterns[rule.effect] = Pattern("lapsed", *_furthest(evaluation))
        elif any(
            route.contributes(s)
            for route in rule.routes
            for s in rated[bisect_right(days, now - route.window_days) :]
        ):
            patterns[rule.effect] = Pattern("building", *_furthest(evaluation))
    return patterns


def chronic_states(
    history: Iterable[SessionFacts], profile: ProfileFacts, today: datetime.date
) -> dict[str, str]:
    """The state alone of each chronic effect on `today` (see chronic_progress)."""
    return {slug: p.state for slug, p in chronic_progress(history, profile, today).items()}
