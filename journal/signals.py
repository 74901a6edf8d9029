from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

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
