"""Making, checking and revoking personal access tokens.

A token is `mj_` and 43 characters from `secrets` (256 bits); the journal keeps only its
SHA-256 digest, so a leaked database holds no usable token. Revoking deletes the row:
the next request with that token is refused.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from journal.api.models import ApiToken

MAX_TOKENS = 20
PREFIX = "mj_"
SHOWN = 8  # characters after the prefix kept in clear, to tell tokens apart
NAME_MAX = 60
LAST_USED_EVERY = timedelta(minutes=1)  # last-used is written at most this often


class TokenRefused(ValueError):
    """The token cannot be made (a name missing or too long, or too many tokens)."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise TokenRefused("Give the token a name, such as the app or script that will use it.")
    if len(name) > NAME_MAX or not name.isprintable():
        raise TokenRefused(f"The name must be printable and at most {NAME_MAX} characters.")
    return name


@transaction.atomic
def create_token(owner, name: str) -> tuple[ApiToken, str]:
    """A new token for `owner`: the stored row and the token itself (shown once)."""
    name = clean_name(name)
    # Lock the owner's tokens so two tabs cannot both make the 20th.
    held = list(ApiToken.objects.select_for_update().filter(owner=owner).values_list("id"))
    if len(held) >= MAX_TOKENS:
        raise TokenRefused(
            f"You have {MAX_TOKENS} tokens, the most one person may hold: revoke one first."
        )
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        owner=owner, name=name, prefix=token[: len(PREFIX) + SHOWN], digest=digest(token)
    )
    return row, token


def owner_of(token: str) -> ApiToken | None:
    """The stored token that `token` is, with its owner; None when it is no (longer a) token."""
    if not token or len(token) > 200 or not token.startswith(PREFIX):
        return None
    found = (
        ApiToken.objects.select_related("owner")
        .filter(digest=digest(token), owner__is_active=True)
        .first()
    )
    if found is None:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        found.last_used_at = now
    return found


def revoke(owner, pk: int) -> bool:
    """Delete one of `owner`'s tokens; False when they have none with that id."""
    deleted, _ = ApiToken.objects.filter(owner=owner, pk=pk).delete()
    return bool(deleted)


def tokens_of(owner):
    return ApiToken.objects.filter(owner=owner)
