"""The API (/api/v1/): django-ninja, a personal access token per app, one rate limit per
token. OpenAPI 3 at /api/v1/openapi.json, the interactive page at /api/v1/docs (its
Swagger UI files come from django-ninja's package through our static files, no CDN)."""

from django.conf import settings
from ninja import Field as NinjaField
from ninja import NinjaAPI, Query, Schema
from pydantic import ConfigDict

from journal import imports, insights
from journal.api import checkins, errors, ingest, sessions
from journal.api.auth import TokenAuth, TokenRateThrottle
from journal.api.errors import ERRORS
from journal.api.schemas import ProfileOut
from journal.core.services import profile_for
from journal.models import PROFILE_FIELDS

api = NinjaAPI(
    title="Movement Journal API",
    version="1",
    description=(
        "Your journal as JSON: sessions and check-ins in the objects of the journal's "
        "exchange format, their tags with why each was given, and Insights. Send a token "
        "from the Account page as `Authorization: Bearer <token>`. Each token may make "
        f"requests at the rate {settings.API_RATE_LIMIT}; past it the answer is 429 with "
        "Retry-After."
    ),
    auth=TokenAuth(),
    throttle=[TokenRateThrottle()],
    urls_namespace="api",
    docs_url="/docs",
)
errors.install(api)
api.add_router("", sessions.router)
api.add_router("", checkins.router)
api.add_router("", ingest.router)


@api.get("/profile", response={200: ProfileOut, **ERRORS}, tags=["profile"], summary="Profile")
def profile(request):
    person = profile_for(request.user)
    return {**{name: getattr(person, name) for name in PROFILE_FIELDS}, "sex": person.sex or None}


class Claim(Schema):
    """One claim of insights.md section 6 (numbers unrounded, null where not computed);
    whatever else the Insights package writes for a claim is passed on as it is."""

    model_config = ConfigDict(extra="allow")

    key: str
    effect: str
    kind: str
    outcome: str
    direction: str
    n_with: int
    n_without: int
    verdict: str
    firm: bool | None = None
    same_evidence_as: list[str] | None = None
    mean_with: float | None = None
    mean_without: float | None = None
    difference: float | None = None
    se: float | None = None
    df: float | None = None
    rho_exposure: float | None = None
    rho_outcome: float | None = None
    design_factor: float | None = None
    se_adj: float | None = None
    df_adj: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    q_value: float | None = None
    hedges_g: float | None = None


class InsightsOut(Schema):
    model_config = ConfigDict(extra="allow")

    version: int
    range: str
    claims: list[Claim]


class InsightsQuery(Schema):
    range: str = NinjaField(
        insights.INSIGHT_DEFAULT_RANGE, description=" | ".join(insights.INSIGHT_RANGES)
    )


@api.get("/insights", response={200: InsightsOut, **ERRORS}, tags=["insights"], summary="Insights")
def insight_claims(request, query: Query[InsightsQuery]):
    if query.range not in insights.INSIGHT_RANGES:
        raise errors.FieldError([("range", f"Choose one of {', '.join(insights.INSIGHT_RANGES)}.")])
    return insights.insights_document(request.user, query.range)


class ExperimentOut(Schema):
    """An experiment as exchange-format.md writes it (experiments.md section 6)."""

    design: str
    start: str
    pairs: int
    schedule: list[str]
    status: str
    created: str
    stopped: str | None


class ExperimentList(Schema):
    items: list[ExperimentOut]
    count: int


@api.get(
    "/experiments",
    response={200: ExperimentList, **ERRORS},
    tags=["experiments"],
    summary="Your experiments (read only)",
)
def experiment_list(request):
    items = imports.experiments_of(request.user)
    return {"items": items, "count": len(items)}
