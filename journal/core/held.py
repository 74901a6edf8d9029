"""What a journal already holds, so that no import route adds a session twice.

Every route (our JSON file, the web and command imports of activity files, their
previews and dry runs) asks the same question of the same index, so moving a
journal to a new account and then importing the original Strava export again adds
nothing (exchange-format.md, "Additions"; imports.md 1):

- a session with a `source_id` is the one the journal holds with the same
  (`source`, `source_id`), whichever route either came in by;
- a session with an id (our exchange format) is the one with that UUID;
- a session with neither (other tools' JSON) is the one on the same date with the
  same activity, start time and minutes;
- a check-in is the one of its date.
"""

from journal.models import CheckIn, Session

SOURCE_NAMES = {
    "strava": "Strava",
    "garmin": "Garmin Connect",
    "apple": "Apple Health",
    "fit": "FIT",
    "gpx": "GPX",
    "tcx": "TCX",
    "daylio": "Daylio",
}


def source_name(source: str) -> str:
    return SOURCE_NAMES.get(source, source)


def _key(session: Session) -> tuple:
    return (session.date, session.activity, session.start_time, session.minutes)


class Held:
    """The sessions and check-in days an owner's journal holds, read in three queries.

    `sources` narrows the (source, source_id) pairs read to those an activity file
    can hold; `uuids` and `keys` are read only for our own JSON files.
    """

    def __init__(self, owner, sources=None, *, journal_file: bool = False):
        sessions = Session.objects.for_user(owner)
        with_ids = sessions.exclude(source_id="")
        if sources is not None:
            with_ids = with_ids.filter(source__in=set(sources))
        self.source_ids = set(with_ids.values_list("source", "source_id"))
        self.uuids = set(sessions.values_list("uuid", flat=True)) if journal_file else set()
        self.keys = (
            set(sessions.values_list("date", "activity", "start_time", "minutes"))
            if journal_file
            else set()
        )
        self.days = set(CheckIn.objects.for_user(owner).values_list("date", flat=True))

    def session_reason(self, session: Session, explicit_id: bool = False) -> str | None:
        """Why `session` is already held (None when it is new)."""
        if session.source_id and (session.source, session.source_id) in self.source_ids:
            return f"already in the journal: the same {source_name(session.source)} activity"
        if explicit_id and session.uuid in self.uuids:
            return "already in the journal: the same session, by its id"
        if not explicit_id and not session.source_id and _key(session) in self.keys:
            return (
                "already in the journal: a session of that day with the same activity, "
                "start time and minutes"
            )
        return None

    def checkin_reason(self, checkin: CheckIn) -> str | None:
        if checkin.date in self.days:
            return "already in the journal: that day has a check-in"
        return None

    def add_session(self, session: Session) -> None:
        if session.source_id:
            self.source_ids.add((session.source, session.source_id))
        self.uuids.add(session.uuid)
        self.keys.add(_key(session))

    def add_checkin(self, checkin: CheckIn) -> None:
        self.days.add(checkin.date)

    def split(self, sessions, checkins, owner=None) -> tuple[list, list, list]:
        """The new sessions and check-ins (given `owner` when one is named, and counted as
        held from now on, so a row twice in one file is added once) and the rows already
        held, each with its `skip_reason`."""
        new_sessions, new_checkins, skipped = [], [], []
        for session in sessions:
            session.skip_reason = self.session_reason(
                session, getattr(session, "explicit_id", False)
            )
            if session.skip_reason:
                skipped.append(session)
                continue
            self.add_session(session)
            new_sessions.append(session)
        for checkin in checkins:
            checkin.skip_reason = self.checkin_reason(checkin)
            if checkin.skip_reason:
                skipped.append(checkin)
                continue
            self.add_checkin(checkin)
            new_checkins.append(checkin)
        if owner is not None:
            for row in (*new_sessions, *new_checkins):
                row.owner = owner
        return new_sessions, new_checkins, skipped
