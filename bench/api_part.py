"""The API's part of `make bench` (bench/run.py lists it in PARTS), in process through
Django's test client, compared with /healthz through the same client.

- a session created through POST /api/v1/sessions on the ten-year history: median
  server time, its ratio to /healthz, and the query count;
- the first page of GET /api/v1/sessions (50 sessions with their tags);
- one Health Auto Export payload of 1,000 workouts posted to
  /api/v1/ingest/health-auto-export, then the same payload again (every workout
  already there): time and queries of each.
"""

import datetime as dt
import json
import random
import statistics
import time
import uuid


def hae_payload(count: int, seed: int = 7) -> bytes:
    """`count` workouts as Health Auto Export (version 2) writes them, one a day back."""
    rnd = random.Random(seed)
    names = ["Outdoor Run", "Traditional Strength Training", "Outdoor Walk", "Yoga",
             "Outdoor Cycling", "High Intensity Interval Training", "Pool Swim"]  # fmt: skip
    start = dt.datetime(2026, 11, 30, 7, 0)
    workouts = []
    for n in range(count):
        begin = start - dt.timedelta(days=n, minutes=rnd.randint(0, 600))
        seconds = rnd.randint(900, 5400)
        end = begin + dt.timedelta(seconds=seconds)
        avg = rnd.randint(100, 160)
        workouts.append(
            {
                "id": str(uuid.UUID(int=rnd.getrandbits(128))).upper(),
                "name": rnd.choice(names),
                "start": begin.strftime("%Y-%m-%d %H:%M:%S +0100"),
                "end": end.strftime("%Y-%m-%d %H:%M:%S +0100"),
                "duration": seconds + rnd.random(),
                "distance": {"qty": round(rnd.uniform(1, 30), 3), "units": "km"},
                "activeEnergyBurned": {"qty": rnd.randint(100, 900), "units": "kcal"},
                "heartRate": {
                    "min": {"qty": avg - 30, "units": "bpm"},
                    "avg": {"qty": avg + 0.4, "units": "bpm"},
                    "max": {"qty": avg + 25, "units": "bpm"},
                },
            }
        )
    return json.dumps({"data": {"workouts": workouts, "metrics": []}}).encode()


def api_part(bench) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from journal.api import tokens
    from journal.core.services import profile_for

    token = tokens.create_token(bench.user, "bench")[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    today = profile_for(bench.user).today().isoformat()

    def create():
        body = {"date": today, "activity": "aerobic", "minutes": 40, "effort": 5}
        answer = bench.client.post(
            "/api/v1/sessions", json.dumps(body), content_type="application/json", **auth
        )
        assert answer.status_code == 201, answer.content

    # In process, as the API calls below: /healthz through the same test client.
    healthz = []
    for _ in range(50):
        begin = time.perf_counter()
        bench.client.get("/healthz")
        healthz.append((time.perf_counter() - begin) * 1000)
    trivial = statistics.median(healthz)
    print(f"  /healthz in process:      {trivial:8.2f} ms (median of 50)")
    times = []
    for _ in range(15):
        begin = time.perf_counter()
        create()
        times.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as queries:
        create()
    made = statistics.median(times)
    print(
        f"  API session create       {made:8.1f} ms  ratio {made / trivial:6.1f}x "
        f"/healthz  {len(queries):2d} queries (median of 15)"
    )
    # The same write without HTTP, JSON or the token, at the same moment: what the API adds.
    from journal.core.services import save_session
    from journal.models import Session

    alone = []
    for _ in range(15):
        session = Session(owner=bench.user, date=profile_for(bench.user).today(),
                          activity="aerobic", minutes=40, effort=5)  # fmt: skip
        begin = time.perf_counter()
        save_session(session)
        alone.append((time.perf_counter() - begin) * 1000)
    print(f"  (the service alone, save_session: {statistics.median(alone):.1f} ms)")

    listed = []
    for _ in range(15):
        begin = time.perf_counter()
        bench.client.get("/api/v1/sessions?limit=50", **auth)
        listed.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as queries:
        bench.client.get("/api/v1/sessions?limit=50", **auth)
    page = statistics.median(listed)
    print(
        f"  API session list (50)    {page:8.1f} ms  ratio {page / trivial:6.1f}x "
        f"/healthz  {len(queries):2d} queries (median of 15)"
    )

    payload = hae_payload(1000)
    for label in ("new", "again"):
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            answer = bench.client.post(
                "/api/v1/ingest/health-auto-export",
                payload,
                content_type="application/json",
                **auth,
            )
            seconds = time.perf_counter() - begin
        report = answer.json()
        print(
            f"  ingest 1,000 workouts ({label}): {seconds:6.2f} s, {len(queries)} queries, "
            f"{len(payload) / 1024:.0f} KB: {report['imported']} imported, "
            f"{report['skipped']} skipped, {len(report['rejected'])} rejected"
        )
