from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from journal import signals  # connects the receivers

        # Django's own receiver saves with update_fields: a 500 if the account is deleted
        # during the login. Ours updates the row, or undoes the login when it is gone.
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(signals.record_last_login, dispatch_uid="record_last_login")
