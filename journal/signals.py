from django.conf import settings
from django.contrib.auth import logout
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from journal.models import Profile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every account has a profile from the start, so no page has to create one."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_imports(sender, instance, **kwargs):
    """A deleted account leaves no upload, import job or queued import task behind."""
    from journal.imports.models import ImportJob
    from journal.imports.tasks import forget

    for job in ImportJob.objects.filter(owner=instance):
        forget(job)


def record_last_login(sender, request, user, **kwargs):
    """Django's update_last_login, for an account that may be deleted at the same moment.

    Django saves the user with update_fields, which raises (a 500) when a deletion
    removed the row after the password was checked. An update of the row that is
    gone changes nothing: the half-made login is undone, so nobody is logged in
    and the login view says why (journal.views.account.LogIn). Connected in
    JournalConfig.ready in place of Django's receiver.
    """
    now = timezone.now()
    if type(user)._default_manager.filter(pk=user.pk).update(last_login=now):
        user.last_login = now
    elif request is not None:
        logout(request)
