"""The API against its own OpenAPI schema: the schema is a valid OpenAPI document, and
property-based requests generated from it (schemathesis, valid and invalid data) never
meet a server error and always get an answer the schema describes."""

import uuid

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from journal.api import tokens
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


def test_the_schema_is_a_valid_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)  # raises on anything OpenAPI 3.1 forbids
    assert document["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    paths = document["paths"]
    fixed = ["sessions", "sessions/{session_id}", "checkins", "checkins/{day}"]
    assert {f"/api/v1/{path}" for path in fixed} <= set(paths)
    assert "/api/v1/ingest/health-auto-export" in paths
    minutes = document["components"]["schemas"]["SessionIn"]["properties"]["minutes"]
    assert (minutes["minimum"], minutes["maximum"]) == (1, 1440)


# Loaded when the tests are collected (the schema view reads no database); the requests
# then run in-process through Django's WSGI handler, against the test database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture
def _connection_kept(db):
    """Django's test client keeps the test's database connection open across a request;
    the WSGI handler schemathesis calls would close it when each answer is sent."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@pytest.mark.usefixtures("_connection_kept")
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_every_generated_request_as_its_schema_says(case, settings):
    settings.API_RATE_LIMIT = "100000/m"
    owner = make_user(f"person-{uuid.uuid4().hex}")
    token = tokens.create_token(owner, "schemathesis")[1]
    # The WSGI client does not unzip: ask for the plain body (GZipMiddleware is on).
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS)
