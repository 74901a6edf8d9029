"""Writes that keep derived data (intensity, tags) in step with what a person logged.

Views, imports and commands call these instead of `.save()`/`.delete()`, so
every path ends in the same state: tags are a pure function of the owner's
history and profile (effect-rules.md 0.5), computed when a session is
written, never when a page is read.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction

from journal import tagging
from journal.models import CheckIn, Profile, Session, SessionTag

# What the rules read from a session and from a profile.
FACT_FIELDS = ("id", "date", "activity", "minutes", "effort", "avg_hr", "percent_1rm", "style")
PROFILE_FACT_FIELDS = ("birth_year", "max_hr", "resting_hr", "sex", "missed_period")
TAG_FIELDS = ("effect", "timescale", "status", "magnitude", "rule_version", "inputs")
LOOK_BACK = timedelta(days=tagging.WINDOW_DAYS - 1)  # W84 includes its own last day


def profile_for(user) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def profile_facts(profile: Profile) -> tagging.ProfileFacts:
    return tagging.ProfileFacts(
        birth_year=profile.birth_year,
        max_hr=profile.max_hr,
        resting_hr=profile.resting_hr,
        sex=profile.sex or None,
        missed_period=profile.missed_period,
    )


def session_facts(rows) -> list[tagging.SessionFacts]:
    """What the rules read, from session rows (`.values(*FACT_FIELDS, ...)`)."""
    return [
        tagging.SessionFacts(key=row["id"], **{f: row[f] for f in FACT_FIELDS if f != "id"})
        for row in rows
    ]


def retag(
    owner, since: date | None = None, latest: date | None = None, profile: Profile | None = None
) -> int:
    """Recompute intensity and tags for the sessions whose windows include a changed date.

    A change on dates `since`..`latest` (one day when `latest` is not given)
    reaches the sessions dated from `since` to `affected_until(latest)`; with
    no date, the whole history. Reads one bounded slice of history, writes only
    what changed, and returns how many tags were added, changed or removed.
    """
    profile = profile or profile_for(owner)
    sessions = Session.objects.for_user(owner)
    targets = SessionTag.objects.filter(session__owner=owner)
    if since is not None:
        until = tagging.affected_until(latest or since)
        sessions = sessions.filter(date__gte=since - LOOK_BACK, date__lte=until)
        targets = targets.filter(session__date__gte=since, session__date__lte=until)
    rows = list(sessions.values(*FACT_FIELDS, "intensity", "intensity_source"))
    facts = session_facts(rows)
    person = profile_facts(profile)
    computed = tagging.tag_history(facts, person)
    in_scope = {row["id"] for row in rows if since is None or row["date"] >= since}

    reclassified = []
    for row, fact in zip(rows, facts, strict=True):
        if row["id"] not in in_scope:
            continue
        intensity, source = tagging.classify(fact, person)
        if (row["intensity"], row["intensity_source"]) != (intensity.slug, source):
            reclassified.append(
                Session(id=row["id"], intensity=intensity.slug, intensity_source=source)
            )
    Session.objects.bulk_update(reclassified, ["intensity", "intensity_source"], batch_size=500)

    stored = {
        (row["session_id"], row["rule"]): row
        for row in targets.values("id", "session_id", "rule", *TAG_FIELDS)
    }
    wanted = {
        (session_id, tag.rule): tag
        for session_id, tags in computed.items()
        if session_id in in_scope
        for tag in tags
    }
    changed = {
        key
        for key in stored.keys() | wanted.keys()
        if key not in stored
        or key not in wanted
        or tuple(stored[key][f] for f in TAG_FIELDS) != _tag_values(wanted[key])
    }
    stale = [stored[key]["id"] for key in changed if key in stored]
    for start in range(0, len(stale), 500):
        SessionTag.objects.filter(id__in=stale[start : start + 500]).delete()
    SessionTag.objects.bulk_create(
        [
            SessionTag(
                session_id=key[0],
                rule=key[1],
                **dict(zip(TAG_FIELDS, _tag_values(wanted[key]), strict=True)),
            )
            for key in changed
            if key in wanted
        ],
        batch_size=500,
    )
    return len(changed)


def _tag_values(tag: tagging.Tag) -> tuple:
    return (tag.effect, tag.timescale, tag.status, tag.magnitude, tag.rule_version, tag.inputs)


@transaction.atomic
def save_session(session: Session) -> Session:
    """Save a new or edited session and retag from the earliest date it touches."""
    previous = None
    if session.pk:
        previous = Session.objects.filter(pk=session.pk).values_list("date", flat=True).first()
    session.save()
    # Moving a session to another date changes the windows around both dates.
    dates = [d for d in (previous, session.date) if d]
    retag(session.owner, min(dates), max(dates))
    session.refresh_from_db(fields=["intensity", "intensity_source"])
    return session


@transaction.atomic
def delete_session(session: Session) -> None:
    owner, day = session.owner, session.date
    session.delete()
    retag(owner, day)


def _save_profile_noting_rule_inputs(profile: Profile) -> bool:
    """Save the profile; True when something the rules read has changed."""
    before = Profile.objects.filter(pk=profile.pk).values(*PROFILE_FACT_FIELDS).first()
    profile.save()
    return before != {f: getattr(profile, f) for f in PROFILE_FACT_FIELDS}


@transaction.atomic
def save_profile(profile: Profile) -> Profile:
    """Save the profile; a change to what the rules read retags the whole history."""
    if _save_profile_noting_rule_inputs(profile):
        retag(profile.user, profile=profile)
    return profile


@transaction.atomic
def save_imported(profile: Profile, sessions: list[Session], checkins: list[CheckIn]) -> None:
    """Write an import's new rows (the caller validated them) and retag what they touch."""
    profile_changed = _save_profile_noting_rule_inputs(profile)
    Session.objects.bulk_create(sessions, batch_size=500)
    CheckIn.objects.bulk_create(checkins, batch_size=500)
    if profile_changed:
        retag(profile.user, profile=profile)
    elif sessions:
        dates = [s.date for s in sessions]
        retag(profile.user, min(dates), max(dates), profile=profile)


def save_new_session_once(session: Session) -> tuple[Session, bool]:
    """Save a new session unless its owner already has one with its uuid.

    The uuid is the log's idempotency key: a resend (the offline queue after a
    lost reply, a double tap) returns the stored session and False. Two resends
    racing each other meet the (owner, uuid) unique constraint instead.
    """
    stored = Session.objects.filter(owner=session.owner, uuid=session.uuid).first()
    if stored is not None:
        return stored, False
    try:
        return save_session(session), True
    except IntegrityError:
        stored = Session.objects.filter(owner=session.owner, uuid=session.uuid).first()
        if stored is None:
            raise
        return stored, False
