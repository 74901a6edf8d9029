"""Bearer-token authentication and the per-token rate limit of the API.

The token is read from `Authorization: Bearer <token>` and never written anywhere: not
logged (ninja's own HttpBearer logs a malformed header in DEBUG; this one does not), not
echoed in an error. A request authenticates as the token's owner, so every query below
is scoped exactly as the web pages are.
"""

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import AuthRateThrottle

from journal.api import tokens


class TokenAuth(HttpBearer):
    def __call__(self, request):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token):
        found = tokens.owner_of(token)
        if found is None:
            return None
        request.user = found.owner
        return found


class TokenRateThrottle(AuthRateThrottle):
    """ninja's throttle keyed by the token (str(ApiToken) is its id), at the rate of the
    API_RATE_LIMIT setting read on each request, so a test or a deploy can change it."""

    def __init__(self):
        super().__init__(settings.API_RATE_LIMIT)

    def allow_request(self, request) -> bool:
        if self.rate != settings.API_RATE_LIMIT:
            self.rate = settings.API_RATE_LIMIT
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
