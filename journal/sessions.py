"""Django's database sessions (SESSION_ENGINE) and the account each names
(AUTHENTICATION_BACKENDS), each read in one SQL statement.

Every logged-in page reads its session, then its account. Django builds both reads with
the ORM, which took longer than the database to answer them (about 0.3 ms each of a
1.5 ms repeat view of the dashboard, and twice that just after a write in another
process). The tables, the rows and what they hold are Django's: only the reads are
written out. Writes, expiry, clearsessions, passwords and permissions are Django's own.
"""

from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

BACKEND = "journal.sessions.AccountBackend"
# Sessions signed in before AccountBackend name Django's: read as naming it, they stay
# signed in (Django signs out a session whose backend is no longer listed).
EARLIER_BACKENDS = {"django.contrib.auth.backends.ModelBackend"}


class AccountBackend(ModelBackend):
    """Django's ModelBackend, with the signed-in account read in SQL."""

    def get_user(self, user_id):
        model = get_user_model()
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
        query = f"SELECT * FROM {table} WHERE {key} = %s"
        found = list(model._default_manager.raw(query, [user_id]))
        return found[0] if found and self.user_can_authenticate(found[0]) else None


class SessionStore(db.SessionStore):
    def load(self):
        data = super().load()
        if data.get(BACKEND_SESSION_KEY) in EARLIER_BACKENDS:
            data[BACKEND_SESSION_KEY] = BACKEND
        return data

    def _get_session_from_db(self):
        """The session's row while it has not expired, else None (and no key), as Django's."""
        model = self.model
        connection = connections[router.db_for_read(model)]
        quote = connection.ops.quote_name
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('session_data')} FROM {quote(model._meta.db_table)}"
                f" WHERE {quote('session_key')} = %s AND {quote('expire_date')} > %s",
                [self.session_key, now],
            )
            found = cursor.fetchone()
        if found is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=found[0])
