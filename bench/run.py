"""Benchmarks, run by hand: `make bench` (or `.venv/bin/python bench/run.py`).

For each database (SQLite always; PostgreSQL when BENCH_POSTGRES_URL or the
local server at postgres://postgres@127.0.0.1:5432 answers) it builds a fresh
database with ten years of demo data for one person (about 5,000 sessions and
3,300 check-ins) and prints:

- tagging: the time to save one new session, to back-fill an old one, and to
  retag the whole history (all tags rewritten, and a no-change pass);
- dashboard: median server time of the dashboard per range against two
  trivial views on the same in-process server, /healthz (no session, no
  template) and a light logged-in page (/account/: session, user, profile and
  the base template), the ratios, the query count, and the first-load
  transfer size (HTML + CSS + JS, gzip as served);
- insights: the Insights page per range, cold (nothing cached), after a write
  (the journal version moved on, the chronic predicates' chunks still cached)
  and cached, against /healthz and the dashboard, with its query count.

Figures are printed, never asserted: they depend on the machine.
"""

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))


def median_ms(fn, repeats=REPEATS) -> float:
    fn()  # warm up caches and connections
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure() -> None:
    """Runs inside a child process whose DATABASE_URL names a fresh database."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from journal.models import CheckIn, Session, SessionTag
    from journal.services import profile_for, retag, save_session

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", "--user", "bench", "--years", "10", stdout=quiet)
    seeded = time.perf_counter() - start
    from django.contrib.auth.models import User

    user = User.objects.get(username="bench")
    profile = profile_for(user)
    today = profile.today()
    print(f"  database: {connection.vendor}")
    print(
        f"  history: {Session.objects.for_user(user).count():,} sessions, "
        f"{CheckIn.objects.for_user(user).count():,} check-ins, "
        f"{SessionTag.objects.filter(session__owner=user).count():,} tags "
        f"(seeded and tagged in {seeded:.1f} s)"
    )

    def save_new():
        save_session(
            Session(
                owner=user,
                date=today,
                activity="hiit",
                minutes=25,
                effort=7,
                feeling_before=0,
                feeling_after=2,
            )
        )

    old = Session.objects.for_user(user).filter(date__lte=today - timedelta(days=2000)).first()

    def backfill():
        old.minutes = 30 if old.minutes != 30 else 31
        save_session(old)

    def retag_all_rewrite():
        SessionTag.objects.filter(session__owner=user).delete()
        retag(user)

    print(f"  save one new session:      {median_ms(save_new):8.1f} ms (median of {REPEATS})")
    print(f"  back-fill an old session:  {median_ms(backfill):8.1f} ms (median of {REPEATS})")
    rewrite = median_ms(retag_all_rewrite, 3) / 1000
    unchanged = median_ms(lambda: retag(user), 3) / 1000
    print(f"  retag, rewriting all tags: {rewrite:8.2f} s (median of 3)")
    print(f"  retag, nothing changed:    {unchanged:8.2f} s (median of 3)")

    # A live database is vacuumed and analysed as it goes (autovacuum); this one was just
    # bulk-loaded and had every tag rewritten above, so its planner statistics and
    # visibility map would mislead the dashboard figures.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    client = Client()
    client.force_login(user)
    trivial = median_ms(lambda: client.get("/healthz"))
    page = median_ms(lambda: client.get("/account/"))
    print(f"  trivial view (/healthz):   {trivial:8.2f} ms")
    print(f"  logged-in page (/account/): {page:7.2f} ms")
    dashboards = {}
    for range_key in ["4w", "3m", "1y", "all"]:
        url = f"/?range={range_key}"
        server = median_ms(lambda url=url: client.get(url))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        html = gzip.compress(response.content, 9)
        dashboards[range_key] = server
        print(
            f"  dashboard range={range_key:<4} {server:8.1f} ms  ratio {server / trivial:6.1f}x "
            f"(vs page {server / page:5.1f}x)  "
            f"{len(queries):2d} queries  HTML {len(response.content) / 1024:6.1f} KB "
            f"({len(html) / 1024:5.1f} KB gzip)"
        )
        if range_key == "3m":
            first_load_html = len(html)
            assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', response.content.decode())

    # Every static file the default dashboard links, fetched as WhiteNoise serves it.
    asset_bytes = 0
    for url in sorted(set(assets)):
        served = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert served.status_code == 200, url
        asset_bytes += len(b"".join(served.streaming_content))
    total = first_load_html + asset_bytes
    print(
        f"  first load (default range, gzip): HTML {first_load_html / 1024:.1f} KB + "
        f"{len(set(assets))} static files {asset_bytes / 1024:.1f} KB = {total / 1024:.1f} KB"
    )
    measure_insights(client, user, trivial, dashboards)


def measure_insights(client, user, trivial: float, dashboards: dict) -> None:
    """The Insights page (issue 11) per range: cold, after a write, cached."""
    from django.core.cache import cache
    from django.db import connection
    from django.db.models import F
    from django.test.utils import CaptureQueriesContext

    from journal.models import Profile

    # The first computation in a process imports scipy.stats; a server pays that once.
    start = time.perf_counter()
    client.get("/insights/?range=all")
    print(f"  insights, first in process (scipy import): {time.perf_counter() - start:.2f} s")

    def after_a_write(url):
        # What a write does to the caches: the journal version moves on.
        Profile.objects.filter(user=user).update(journal_version=F("journal_version") + 1)
        return client.get(url)

    def cold(url):
        cache.clear()  # sessions live in the database, so the login survives
        return client.get(url)

    for range_key in ["4w", "3m", "1y", "all"]:
        url = f"/insights/?range={range_key}"
        cold_ms = median_ms(lambda url=url: cold(url), 5)
        written_ms = median_ms(lambda url=url: after_a_write(url), 5)
        cached_ms = median_ms(lambda url=url: client.get(url))
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, response.status_code
        dashboard = dashboards.get(range_key)
        print(
            f"  insights range={range_key:<4} cold {cold_ms:7.1f} ms, after a write "
            f"{written_ms:7.1f} ms, cached {cached_ms:6.1f} ms (ratio {cached_ms / trivial:5.1f}x; "
            f"dashboard {dashboard:6.1f} ms)  {len(queries):2d} queries"
        )


def run(label: str, url: str, static_root: str) -> None:
    print(f"\n== {label}")
    env = {
        **os.environ,
        "STATIC_ROOT": static_root,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "HTTPS_ONLY": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "ERROR",
    }
    subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3, autocommit=True) as db:
            db.execute("DROP DATABASE IF EXISTS movement_journal_bench")
            db.execute("CREATE DATABASE movement_journal_bench")
        return True
    except Exception as error:  # noqa: BLE001 - any failure means: skip, and say why
        print(f"\n== PostgreSQL skipped: {error}")
        return False


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.sqlite3", f"{folder}/static")
        if postgres_available():
            run("PostgreSQL", f"{POSTGRES}/movement_journal_bench", f"{folder}/static")


if __name__ == "__main__":
    measure() if "--measure" in sys.argv else main()
