from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from journal import signals  # connects the receivers
        from journal.core.services import journal_written
        from journal.views import dashboard

        # Django's own receiver saves with update_fields: a 500 if the account is deleted
        # during the login. Ours updates the row, or undoes the login when it is gone.
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(signals.record_last_login, dispatch_uid="record_last_login")
        # After each write, the dashboard's reads are read again, its sections and chart
        # cards drawn from them, and all kept for its next view.
        journal_written.connect(dashboard.refresh, dispatch_uid="dashboard_snapshot")
