"""Benchmarks, run by hand: `make bench` (or `.venv/bin/python bench/run.py`).

For each database (SQLite always; PostgreSQL when BENCH_POSTGRES_URL or the
local server at postgres://postgres@127.0.0.1:5432 answers) it builds a fresh
database with ten years of demo data for one person (about 5,000 sessions and
3,300 check-ins) and prints:

- tagging: the time to save one new session, to back-fill an old one, and to
  retag the whole history (all tags rewritten, and a no-change pass);
- dashboard: median time of the dashboard per range over HTTP, from a
  gunicorn worker on loopback serving the same database (BENCH_HTTP=0 times
  the in-process test client instead), against two trivial views on the same
  server, /healthz (no session, no template) and a light logged-in page
  (/account/: session, user, profile and the base template), the ratios and
  the query count, each twice: warm (a repeat view: the whole page from the
  per-person cache, with its CSRF token and quick-log key filled in; the median of
  three times as many views, since a few milliseconds are easily disturbed) and cold
  (the first view after a write, which changes the journal version); then the
  first-load transfer size (HTML + CSS + JS, gzip as served). Over HTTP, each
  page also gets the worker's own CPU time per request (from
  /proc/<pid>/schedstat, where Linux has it) with its ratio to /healthz's: on a
  machine shared with other work, wall time mostly measures the queue for the
  CPU, and CPU time is the fairer comparison.
- last, the API (bench/api_part.py), in process: a session created through it, a
  page of the list, and a Health Auto Export payload of 1,000 workouts, new and sent again.

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
sys.path.insert(0, str(ROOT))  # `python bench/run.py` puts bench/ first, not the project

from bench.http_server import HttpServer  # noqa: E402

POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# One database per run, so benchmarks started side by side do not drop each other's.
BENCH_DB = f"movement_journal_bench_{os.getpid()}"
REPEATS = int(os.environ.get("BENCH_REPEATS", "15"))
# Pages are timed over HTTP, as a browser meets them, unless BENCH_HTTP=0.
OVER_HTTP = os.environ.get("BENCH_HTTP", "1") != "0"


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
    trivial views' times that pages are compared with (measured when first asked for).
    `fetch` is how pages are timed: over HTTP when a server runs, else in process."""

    def __init__(self, user, client, server: HttpServer | None = None):
        self.user, self.client, self.server = user, client, server
        self.writes = 0  # changed()'s count, so that each write is new

    def fetch(self, url: str) -> None:
        if self.server is None:
            self.client.get(url)
        else:
            status = self.server.get(url)
            assert status == 200, (url, status)

    def cpu_note(self, since: int, label: str) -> str:
        """ "cpu 4.1 ms (8.0x)": the worker's median CPU time for the requests since `since`,
        and its ratio to /healthz's; empty in process or without schedstat."""
        cpu = self.server.cpu_median(since) if self.server else None
        if cpu is None:
            return ""
        if label == "trivial":
            self.trivial_cpu = cpu
        ratio = f" ({cpu / self.trivial_cpu:5.1f}x)" if getattr(self, "trivial_cpu", 0) else ""
        return f"  cpu {cpu:6.2f} ms{ratio}"

    def mark(self) -> int:
        return len(self.server.cpu) if self.server else 0

    @cached_property
    def trivial(self) -> float:
        from django.db import connection

        # A live database is vacuumed and analysed as it goes (autovacuum); this one was just
        # bulk-loaded and had every tag rewritten, so its planner statistics and visibility
        # map would mislead the page figures.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        since = self.mark()
        trivial = median_ms(lambda: self.fetch("/healthz"), max(REPEATS, 50))
        how = "over HTTP" if self.server else "in process"
        note = self.cpu_note(since, "trivial")
        print(f"  trivial view (/healthz):   {trivial:8.2f} ms ({how}){note}")
        return trivial

    @cached_property
    def page(self) -> float:
        since = self.mark()
        page = median_ms(lambda: self.fetch("/account/"))
        print(f"  logged-in page (/account/): {page:7.2f} ms{self.cpu_note(since, 'page')}")
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
        The version is bumped here too in case the write path does not yet do it. Once it
        commits, the write reads the dashboard's data again and draws its sections and chart
        cards from them (journal_written), here in the bench's process as in the writer's
        request in life: the cold view finds the row it kept, and the tagging part's save
        times include that work (but no cards: no range has been viewed yet). Each write
        gives the last session minutes it never had in this run (20 to 419), so nothing cached
        by what it shows (the summary, the long-term patterns) can come back from a write
        before: toggling between two values let those hit every other write."""
        from django.db.models import F

        from journal.core.services import save_session
        from journal.models import Profile, Session

        session = Session.objects.for_user(self.user).order_by("-date").first()
        self.writes += 1
        session.minutes = 20 + self.writes % 400
        before = Profile.objects.get(user=self.user).journal_version
        save_session(session)
        if Profile.objects.get(user=self.user).journal_version == before:
            Profile.objects.filter(user=self.user).update(journal_version=F("journal_version") + 1)

    def report(self, label: str, url: str) -> None:
        """Warm and cold server time of one page, with its ratios and query counts."""
        since = self.mark()
        warm = median_ms(lambda: self.fetch(url), 3 * REPEATS)  # cheap views: more samples
        warm_cpu = self.cpu_note(since, "warm")
        self.queries(url)  # the in-process client has a cache of its own: fill it first
        _, warm_queries = self.queries(url)
        colds = []
        since = self.mark() - 1  # no warm-up here: count from the first
        for _ in range(REPEATS):
            self.changed()
            start = time.perf_counter()
            self.fetch(url)
            colds.append((time.perf_counter() - start) * 1000)
        cold = statistics.median(colds)
        cold_cpu = self.cpu_note(since, "cold")
        self.changed()
        _, cold_queries = self.queries(url)
        for kind, ms, queries, cpu in (
            ("warm", warm, warm_queries, warm_cpu),
            ("cold", cold, cold_queries, cold_cpu),
        ):
            print(
                f"  {label:<22} {kind} {ms:8.1f} ms  ratio {ms / self.trivial:6.1f}x "
                f"(vs page {ms / self.page:5.1f}x)  {queries:2d} queries{cpu}"
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
    bench.fetch("/insights/?range=all")
    print(f"  insights, first view in the process: {time.perf_counter() - start:.2f} s")
    for range_key in ["4w", "3m", "1y", "all"]:
        label, url = f"insights range={range_key}", f"/insights/?range={range_key}"
        bench.report(label, url)

        def emptied(url=url):
            cache.clear()  # sessions live in the database: the login survives
            bench.client.get(url)  # in process: the server's own cache cannot be emptied

        emptied_ms = median_ms(emptied, 5)
        print(f"  {label:<22} empty caches {emptied_ms:8.1f} ms (median of 5, in process)")


def api_part(bench: Bench) -> None:
    from bench.api_part import api_part as measure_api

    measure_api(bench)


# The parts, in the order they run; each prints its own lines. BENCH_PARTS=dashboard,insights
# runs only those (the names without "_part").
PARTS = [tagging_part, dashboard_part, insights_part, api_part]
CHOSEN = os.environ.get("BENCH_PARTS", "")


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
    server = None
    if OVER_HTTP:
        server = HttpServer(f"sessionid={client.cookies['sessionid'].value}")
    try:
        bench = Bench(user, client, server)
        for part in PARTS:
            if not CHOSEN or part.__name__.removesuffix("_part") in CHOSEN.split(","):
                part(bench)
    finally:
        if server is not None:
            server.stop()


def run(label: str, url: str, static_root: str) -> None:
    print(f"\n== {label}")
    env = {
        **os.environ,
        "STATIC_ROOT": static_root,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "HTTPS_ONLY": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "API_RATE_LIMIT": "1000000/m",
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
