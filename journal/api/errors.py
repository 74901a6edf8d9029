"""Every refusal of the API as JSON: `{"errors": [{"field": ..., "message": ...}]}`.

The field is the body's, query's or path's field that was wrong (null when the request
as a whole was): a script can show the message next to what it sent.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from journal.api.schemas import ErrorOut

# The refusals every operation may answer, documented on each (OpenAPI responses).
ERRORS = dict.fromkeys((400, 401, 404, 422, 429), ErrorOut)


class FieldError(Exception):
    """One or more fields of a request are wrong; answered 422 (or `status`)."""

    def __init__(self, problems: list[tuple[str | None, str]], status: int = 422):
        super().__init__(problems)
        self.problems = problems
        self.status = status


def problems_of(error: DjangoValidationError) -> list[tuple[str | None, str]]:
    """A model's full_clean() errors as (field, message) pairs."""
    if not hasattr(error, "error_dict"):
        return [(None, " ".join(error.messages))]
    return [
        (None if name == "__all__" else name, " ".join(messages))
        for name, messages in error.message_dict.items()
    ]


def _field(loc) -> str | None:
    skipped = ("body", "query", "path", "data", "filters")
    names = [str(part) for part in loc if part not in skipped]
    names = [n for n in names if not n.startswith("function-")]
    return ".".join(names) or None


def _message(error: dict) -> str:
    message = error.get("msg", "is not valid")
    return message.removeprefix("Value error, ")


def install(api) -> None:
    def answer(request, status, problems, headers=None):
        body = {"errors": [{"field": field, "message": message} for field, message in problems]}
        response = api.create_response(request, body, status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        problems = [(_field(e.get("loc", ())), _message(e)) for e in exc.errors]
        return answer(request, 422, problems)

    @api.exception_handler(FieldError)
    def field_error(request, exc):
        return answer(request, exc.status, exc.problems)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        message = (
            "Send a valid token as 'Authorization: Bearer <token>' "
            "(make one on the Account page; a revoked token no longer works)."
        )
        return answer(request, 401, [("Authorization", message)], {"WWW-Authenticate": "Bearer"})

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        wait = int(exc.wait or 1)
        message = f"Too many requests with this token: wait {wait} s and send it again."
        return answer(request, 429, [(None, message)], {"Retry-After": str(wait)})

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return answer(request, 404, [(None, "Not found in your journal.")])

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return answer(request, exc.status_code, [(None, str(exc))])
