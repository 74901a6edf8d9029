"""What the journal's management commands share: the person named by --user and the
file they are given, each refused with the same words when it does not exist."""

from pathlib import Path

from django.contrib.auth.models import User
from django.core.management.base import CommandError


def person(username: str) -> User:
    account = User.objects.filter(username=username).first()
    if account is None:
        raise CommandError(f"No user named {username!r}.")
    return account


def existing_file(name: str) -> Path:
    path = Path(name)
    if not path.is_file():
        raise CommandError(f"No file at {name}.")
    return path
