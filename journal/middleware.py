"""A database that does not answer gives a 503 page, not a server error.

A restart or failover of PostgreSQL lasts seconds; during it people should
see that the journal is briefly unavailable and when to retry, and load
balancers should see 503 with Retry-After rather than a 500.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults

RETRY_AFTER_SECONDS = 30
UNAVAILABLE = (OperationalError, InterfaceError)

log = logging.getLogger(__name__)


def database_unavailable() -> HttpResponse:
    # Rendered without the request: no context processor may touch the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            log.warning("Database unavailable for %s: %s", request.path, exception)
            return database_unavailable()
        return None


def server_error(request) -> HttpResponse:
    """handler500: the 503 page when the failure was the database (raised by a middleware)."""
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        return database_unavailable()
    try:
        return defaults.server_error(request)
    except Exception:  # noqa: BLE001 (the error page itself must never fail)
        return HttpResponseServerError("Server error", content_type="text/plain")


class PrivatePagesMiddleware:
    """What a logged-in person is shown is never kept by the browser.

    No store: neither the HTTP cache nor the back/forward cache may bring a page
    of theirs back after they log out, when Back would otherwise show it to the
    next person on the device without asking the server. Responses that set
    their own Cache-Control (the service worker, the manifest) keep it, and so do
    the answers to htmx's posts: fragments swapped into a page, never a page of
    history, and a browser reuses a POST's answer only as a page of history.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if request.method not in ("GET", "HEAD") and request.headers.get("HX-Request"):
            return response
        if self._personal(request):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _personal(request) -> bool:
        user = getattr(request, "user", None)
        try:
            return user is not None and user.is_authenticated
        except UNAVAILABLE:  # who it is cannot be told: keep it private all the same
            return True
