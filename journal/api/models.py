"""Personal access tokens for the API (/api/v1/): a person's scripts and apps act as them.

Only a SHA-256 digest of a token is stored, with a short prefix the Account page shows
so a person can tell their tokens apart. The token itself is shown once, when made.
"""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=60)
    prefix = models.CharField(max_length=16)  # the token's first characters, to recognise it
    digest = models.CharField(max_length=64, unique=True)  # sha256 of the whole token, hex
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "created_at"], name="journal_apitoken_owner")]

    def __str__(self):
        # What the rate limit keys on (ninja's AuthRateThrottle): one budget per token.
        return f"api-token-{self.pk}"
