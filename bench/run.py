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
  the base template), the ratios and the query count, each twice: warm (a
  repeat view: the whole page from the per-person cache, with its CSRF token
  and quick-log key filled in) and cold (the first view after a write, which
  changes the journal version and renders everything); then the first-load
  transfer size (HTML + CSS + JS, gzip as served).

Each part is a function of `Bench` listed in PARTS: add a page by adding one.

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
from datetime import timedelta
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# One database per run, so benchmarks started side by side do not drop each other's.
BENCH_DB = f"movement_journal_bench_{os.getpid()}"
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))


def median_ms(fn, repeats=REPEATS) -> float:
    fn()  # warm up caches and connections
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class Bench:
    """What every part of the benchmark shares: the person, a logged-in client, and the
    trivial views' times that pages are compared with (measured when first asked for)."""

    def __init__(self, user, client):
        self.user, self.client = user, client

    @cached_property
    def trivial(self) -> float:
        from django.db import connection

        # A live database is vacuumed and analysed as it goes (autovacuum); this one was just
        # bulk-loaded and had every tag rewritten, so its planner statistics and visibility
        # map would mislead the page figures.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        trivial = median_ms(lambda: self.client.get("/healthz"))
        print(f"  trivial view (/healthz):   {trivial:8.2f} ms")
        return trivial

    @cached_property
    def page(self) -> float:
        page = median_ms(lambda: self.client.get("/account/"))
        print(f"  logged-in page (/account/): {page:7.2f} ms")
        return page

    def queries(self, url: str):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response, len(queries)

    def changed(self) -> None:
        """A write through journal.core.services, as after a quick log: the cached pages go stale.
        The version is bumped here too in case the write path does not yet do it."""
        from django.db.models import F

        from journal.core.services import save_session
        from journal.models import Profile, Session

        session = Session.objects.for_user(self.user).order_by("-date").first()
        session.minutes = 30 if session.minutes != 30 else 31
        before = Profile.objects.get(user=self.user).journal_version
        save_session(session)
        if Profile.objects.get(user=self.user).journal_version == before:
            Profile.objects.filter(user=self.user).update(journal_version=F("journal_version") + 1)

    def report(self, label: str, url: str) -> None:
        """Warm and cold server time of one page, with its ratios and query counts."""
        warm = median_ms(lambda: self.client.get(url))
        _, warm_queries = self.queries(url)
        colds = []
        for _ in range(REPEATS):
            self.changed()
            start = time.perf_counter()
            self.client.get(url)
            colds.append((time.perf_counter() - start) * 1000)
        cold = statistics.median(colds)
        self.changed()
        _, cold_queries = self.queries(url)
        for kind, ms, queries in (("warm", warm, warm_queries), ("cold", cold, cold_queries)):
            print(
                f"  {label:<22} {kind} {ms:8.1f} ms  ratio {ms / self.trivial:6.1f}x "
                f"(vs page {ms / self.page:5.1f}x)  {queries:2d} queries"
            )


def tagging_part(bench: Bench) -> None:
    from journal.core.services import profile_for, retag, save_session
    from journal.models import Session, SessionTag

    user = bench.user
    today = profile_for(user).today()

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


def dashboard_part(bench: Bench) -> None:
    bench.trivial, bench.page  # noqa: B018 - measured (and printed) before the pages
    for range_key in ["4w", "3m", "1y", "all"]:
        bench.report(f"dashboard range={range_key}", f"/?range={range_key}")
    response, _ = bench.queries("/?range=3m")
    html = gzip.compress(response.content, 9)
    print(
        f"  dashboard HTML (3m): {len(response.content) / 1024:.1f} KB "
        f"({len(html) / 1024:.1f} KB gzip)"
    )
    # Every static file the default dashboard links, fetched as WhiteNoise serves it.
    assets = sorted(set(re.findall(r'(?:src|href)="(/static/[^"]+)"', response.content.decode())))
    asset_bytes = 0
    for url in assets:
        served = bench.client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert served.status_code == 200, url
        asset_bytes += len(b"".join(served.streaming_content))
    total = len(html) + asset_bytes
    print(
        f"  first load (default range, gzip): HTML {len(html) / 1024:.1f} KB + "
        f"{len(assets)} static files {asset_bytes / 1024:.1f} KB = {total / 1024:.1f} KB"
    )


def insights_part(bench: Bench) -> None:
    """The Insights page (issue 11) per range: warm, cold after a write (the chronic
    predicates' chunks still cached, as in life), and with every cache emptied."""
    from django.core.cache import cache

    # The first Insights view in a process imports scipy.stats (config/wsgi.py does that
    # when a server's worker starts); measured once, apart from the rest.
    start = time.perf_counter()
    bench.client.get("/insights/?range=all")
    print(f"  insights, first view in the process: {time.perf_counter() - start:.2f} s")
    for range_key in ["4w", "3m", "1y", "all"]:
        label, url = f"insights range={range_key}", f"/insights/?range={range_key}"
        bench.report(label, url)

        def emptied(url=url):
            cache.clear()  # sessions live in the database: the login survives
            bench.client.get(url)

        print(f"  {label:<22} empty caches {median_ms(emptied, 5):8.1f} ms (median of 5)")


# The parts, in the order they run; each prints its own lines.
PARTS = [tagging_part, dashboard_part, insights_part]


def measure() -> None:
    """Runs inside a child process whose DATABASE_URL names a fresh database."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from journal.models import CheckIn, Session, SessionTag

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", "--user", "bench", "--years", "10", stdout=quiet)
    seeded = time.perf_counter() - start
    user = User.objects.get(username="bench")
    print(f"  database: {connection.vendor}")
    print(
        f"  history: {Session.objects.for_user(user).count():,} sessions, "
        f"{CheckIn.objects.for_user(user).count():,} check-ins, "
        f"{SessionTag.objects.filter(session__owner=user).count():,} tags "
        f"(seeded and tagged in {seeded:.1f} s)"
    )
    client = Client()
    client.force_login(user)
    bench = Bench(user, client)
    for part in PARTS:
        part(bench)


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
            db.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            db.execute(f"CREATE DATABASE {BENCH_DB}")
        return True
    except Exception as error:  # noqa: BLE001 - any failure means: skip, and say why
        print(f"\n== PostgreSQL skipped: {error}")
        return False


def drop_postgres() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3, autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.sqlite3", f"{folder}/static")
        if postgres_available():
            try:
                run("PostgreSQL", f"{POSTGRES}/{BENCH_DB}", f"{folder}/static")
            finally:
                drop_postgres()


if __name__ == "__main__":
    measure() if "--measure" in sys.argv else main()
