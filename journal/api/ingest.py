"""POST /api/v1/ingest/health-auto-export: the Health Auto Export iOS app's REST export.

The body is read here, up to API_INGEST_MAX_MB, and handed whole to the imports package
(journal.imports.ingest_health_auto_export), which maps each workout as an Apple Health
export's and writes the new ones through the core services.
"""

from django.conf import settings
from ninja import Router, Schema

from journal import imports
from journal.api.errors import ERRORS, FieldError
from journal.api.schemas import ErrorOut

router = Router(tags=["ingest"])


class RejectedWorkout(Schema):
    index: int
    reason: str


class IngestReport(Schema):
    received: int
    imported: int
    skipped: int
    rejected: list[RejectedWorkout]


PAYLOAD = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["data"],
                    "properties": {
                        "data": {
                            "type": "object",
                            "required": ["workouts"],
                            "properties": {"workouts": {"type": "array", "items": {}}},
                        }
                    },
                }
            }
        },
    }
}


@router.post(
    "/ingest/health-auto-export",
    response={200: IngestReport, 413: ErrorOut, **ERRORS},
    summary="Workouts from Health Auto Export (iOS), export version 2, JSON",
    description="Each workout becomes a session (source apple, source_id the workout's id; "
    "sent again, it is stored once). A workout without a usable start, end or duration is "
    "named in `rejected` by its index, and the others are stored. A body that is not such "
    "a payload is a 400 and stores nothing. Metrics are ignored.",
    openapi_extra=PAYLOAD,
)
def health_auto_export(request):
    limit = settings.API_INGEST_MAX_MB * 1024 * 1024
    declared = request.headers.get("Content-Length") or "0"
    if not declared.isdigit() or int(declared) > limit:
        raise FieldError([(None, f"The body is over {settings.API_INGEST_MAX_MB} MB.")], 413)
    raw = request.read(limit + 1)
    if len(raw) > limit:
        raise FieldError([(None, f"The body is over {settings.API_INGEST_MAX_MB} MB.")], 413)
    try:
        return imports.ingest_health_auto_export(request.user, raw)
    except imports.PayloadRefused as refusal:
        raise FieldError([("body", str(refusal))], 400) from None
