"""Plain helpers that make journal data for tests."""

import json
from datetime import date, timedelta

from journal import tagging
from journal.core.services import FACT_FIELDS, profile_facts, profile_for, save_session
from journal.models import CheckIn, Session


def htmx_events(response) -> set[str]:
    """The client events a response asks htmx to trigger (its HX-Trigger header)."""
    return set(json.loads(response.get("HX-Trigger") or "{}"))


def make_session(owner, save=save_session, **fields) -> Session:
    values = {
        "date": date.today() - timedelta(days=1),
        "activity": "aerobic",
        "minutes": 40,
        "feeling_before": 0,
        "feeling_after": 2,
        "effort": 4,
        **fields,
    }
    return save(Session(owner=owner, **values))


def make_checkin(owner, **fields) -> CheckIn:
    values = {"date": date.today() - timedelta(days=1), "mood": 3, "sleep_quality": 6, **fields}
    return CheckIn.objects.create(owner=owner, **values)


def make_history(owner, count: int, start: date | None = None) -> None:
    """`count` sessions on consecutive days ending yesterday, written in bulk.

    Each carries the intensity save_session would store for it, so a retag()
    after this writes the tags only: rewriting thousands of intensities is no
    part of what the tests that build big histories measure. Their tags are
    left to retag(), the one write path for them.
    """
    start = start or date.today() - timedelta(days=count)
    activities = ["aerobic", "hiit", "resistance", "walking", "mixed", "mobility"]
    person = profile_facts(profile_for(owner))
    sessions = [
        Session(
            owner=owner,
            date=start + timedelta(days=i),
            activity=activities[i % len(activities)],
            minutes=20 + i % 50,
            feeling_before=i % 3 - 1,
            feeling_after=i % 5,
            effort=None if i % 7 == 0 else i % 11,
        )
        for i in range(count)
    ]
    for session in sessions:
        facts = tagging.SessionFacts(
            key=None, **{name: getattr(session, name) for name in FACT_FIELDS if name != "id"}
        )
        intensity, session.intensity_source = tagging.classify(facts, person)
        session.intensity = intensity.slug
    Session.objects.bulk_create(sessions)
