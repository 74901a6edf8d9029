"""Who django-axes counts failed log-ins against: the client's address and the username.

Behind a reverse proxy REMOTE_ADDR is the proxy, so keying on it would let
anyone lock any account for everyone. With TRUSTED_PROXY_COUNT=N (N proxies
that each append the address they saw), the client is the Nth address from
the right of X-Forwarded-For; addresses further left are whatever the client
chose to send and are never read. With 0 (the default) the header is ignored.
"""

import ipaddress

from django.conf import settings

USERNAME_COLUMN = 255  # axes stores the username in a varchar(255)


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < trusted:
        return remote  # not through the proxies we were told of: trust only the socket
    return _address(hops[-trusted]) or remote


def login_username(request, credentials=None) -> str | None:
    """The username tried, cut to what axes can store (no account has a longer one)."""
    if credentials:
        value = credentials.get("username")
    else:
        value = getattr(request, "data", request.POST).get("username")
    return None if value is None else str(value)[:USERNAME_COLUMN]
