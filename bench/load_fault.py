"""Load and fault bench, run by hand: `.venv/bin/python bench/load_fault.py [--seconds 60]`.

Standard library only (threads and http.client), loopback only, bounded in
time. It starts its own PostgreSQL cluster (initdb/pg_ctl in a temporary
folder, on a free port, so that it may stop and restart it), migrates, serves
the app with gunicorn on 127.0.0.1, and runs three phases:

1. many writers: --writers accounts each posting quick logs for --seconds;
2. one account, several clients: --clients tabs of one person posting quick
   logs and same-day check-ins at once;
3. a database restart in the middle: writers run while the cluster is
   stopped for --outage seconds and started again; a prober reads /healthz.

For each phase it prints requests, statuses, p50/p95 latency and the rows
stored against the writes acknowledged (a redirect after the POST); for the
restart, what clients saw during the outage and how long they took to recover.
Figures are printed, never asserted: they depend on the machine.
"""

import argparse
import contextlib
import glob
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CSRF = "b" * 32  # an unmasked CSRF secret, sent as cookie and header
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit(f"No {name} under /usr/lib/postgresql/*/bin: install PostgreSQL's server.")
    return found[-1]


class Cluster:
    """A throwaway PostgreSQL cluster; initdb refuses root, so it runs as `postgres` then."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.data = folder / "data"
        self.url = f"postgres://postgres@{HOST}:{self.port}/postgres"

    def _run(self, *args) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run(pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")
        self.start()

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} -c max_connections=300"
        )
        log = str(self.folder / "postgres.log")
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def query(self, sql: str) -> str:
        result = subprocess.run(
            [pg_bin("psql"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "-At", "-c", sql],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip()


def app_env(cluster: Cluster) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "SECRET_KEY": "bench-only-secret-not-for-production",
        "DEBUG": "0",
        "HTTPS_ONLY": "0",
        "ALLOWED_HOSTS": HOST,
        "LOG_LEVEL": "WARNING",
    }


ACCOUNTS = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
for i in range({count}):
    user = User.objects.create(username=f"bench{{i}}", password=make_password(None))
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    print("KEY", store.session_key)
"""


def prepare(cluster: Cluster, accounts: int) -> list[str]:
    """Migrate, then make accounts and their logged-in session keys (no password hashing)."""
    env = app_env(cluster)
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--verbosity", "0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)
    made = subprocess.run(
        [*manage, "shell", "-c", ACCOUNTS.format(count=accounts)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return [line.split()[1] for line in made.stdout.splitlines() if line.startswith("KEY ")]


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.latencies: list[float] = []
        self.events: list[tuple[float, str]] = []  # (time, status) for the outage timeline

    def add(self, status: str, seconds: float) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(seconds)
            self.events.append((time.monotonic(), status))

    def acknowledged(self, path_kind: str) -> int:
        return self.statuses[f"{path_kind} 302"]

    def report(self, title: str) -> None:
        total = sum(self.statuses.values())
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000 if ordered else 0
        p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000 if ordered else 0
        print(f"\n== {title}")
        print(f"  requests: {total:,}   p50 {p50:.0f} ms   p95 {p95:.0f} ms")
        print("  statuses: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(self.statuses.items())))
        errors = {k: v for k, v in self.statuses.items() if not k.endswith(("302", "200"))}
        print(f"  errors (anything but 200/302): {sum(errors.values()):,} {dict(errors) or ''}")


def post(conn, path: str, data: dict, session_key: str) -> str:
    """The status; a 302 counts as acknowledged only when it is not a redirect to log in."""
    headers = {
        "Cookie": f"sessionid={session_key}; csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    conn.request("POST", path, body=urlencode(data), headers=headers)
    response = conn.getresponse()
    response.read()
    if response.status == 302 and "/accounts/login" in (response.getheader("Location") or ""):
        return "302 to log in"
    return str(response.status)


def writer(port, session_key, until, tally, checkins=False, today=None) -> None:
    """Post quick logs (and, with `checkins`, today's check-in) until the deadline."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    count = 0
    while time.monotonic() < until:
        count += 1
        kind = "check-in" if checkins and count % 4 == 0 else "quick log"
        # The dashboard's two forms name their fields with a prefix each.
        if kind == "check-in":
            path, prefix = "/checkins/today/", "checkin"
            data = {"date": today, "mood": 1 + count % 5, "sleep_quality": count % 11}
        else:
            path, prefix = "/sessions/quick/", "quick"
            data = {"activity": "walking", "minutes": 1 + count % 90, "date": today}
            data.update(feeling_before=0, feeling_after=1)
        data = {f"{prefix}-{name}": value for name, value in data.items()}
        start = time.perf_counter()
        try:
            status = post(conn, path, data, session_key)
        except (OSError, http.client.HTTPException) as error:
            status = f"no answer ({type(error).__name__})"
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            time.sleep(0.05)
        tally.add(f"{kind} {status}", time.perf_counter() - start)
        if status.startswith("5"):
            time.sleep(0.1)  # a person (or the offline queue) waits a moment before retrying
    conn.close()


def run_writers(port, keys, seconds, today, checkins=False) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=writer, args=(port, key, until, tally, checkins, today))
        for key in keys
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def prober(port, until, tally) -> None:
    while time.monotonic() < until:
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=10)
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            response.read()
            status = str(response.status)
            conn.close()
        except (OSError, http.client.HTTPException) as error:
            status = f"no answer ({type(error).__name__})"
        tally.add(f"healthz {status}", time.perf_counter() - start)
        time.sleep(0.2)


def stored(cluster: Cluster) -> tuple[int, int]:
    """Sessions and check-ins in the database (the phases run one after another)."""
    sql = "select (select count(*) from journal_session), (select count(*) from journal_checkin)"
    sessions, checkins = cluster.query(sql).split("|")
    return int(sessions), int(checkins)


def print_rows(tally: Tally, rows: tuple[int, int], checkin_days: int | None = None) -> None:
    acked = tally.acknowledged("quick log")
    print(f"  quick logs acknowledged: {acked:,}   sessions stored: {rows[0]:,}")
    if checkin_days is not None:
        print(
            f"  check-ins acknowledged: {tally.acknowledged('check-in'):,} posts for "
            f"{checkin_days} day(s)   check-in rows stored: {rows[1]:,} (one per day expected)"
        )


def outage_phase(cluster, port, keys, seconds, outage, today) -> None:
    before = stored(cluster)
    tally, probes = Tally(), Tally()
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=writer, args=(port, key, until, tally, False, today))
        for key in keys
    ] + [threading.Thread(target=prober, args=(port, until, probes))]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    down_at = time.monotonic()
    cluster.stop()
    stopped_at = time.monotonic()
    time.sleep(outage)
    cluster.start()
    up_at = time.monotonic()
    for thread in threads:
        thread.join()

    tally.report(f"3. database restart: {len(keys)} writers, stopped for {outage:.0f} s")
    during = Counter(status for at, status in tally.events if down_at <= at <= up_at)
    health = Counter(status for at, status in probes.events if down_at <= at <= up_at)
    print(
        f"  stop took {stopped_at - down_at:.1f} s; start took {up_at - stopped_at - outage:.1f} s"
    )
    print("  writers saw while it was down: " + ", ".join(f"{k}: {v}" for k, v in during.items()))
    print("  /healthz saw while it was down: " + ", ".join(f"{k}: {v}" for k, v in health.items()))
    first_ok = min((at for at, s in tally.events if at > up_at and s.endswith("302")), default=None)
    first_health = min(
        (at for at, s in probes.events if at > up_at and s.endswith("200")), default=None
    )
    for name, at in (("acknowledged write", first_ok), ("healthz 200", first_health)):
        shown = f"{at - up_at:.2f} s" if at else "never, within the run"
        print(f"  first {name} after the database was back: {shown}")
    after = Counter(s for at, s in tally.events if at > up_at + 5)
    errors_after = sum(v for k, v in after.items() if not k.endswith("302"))
    print(f"  errors from 5 s after the restart to the end: {errors_after}")
    print_rows(tally, (stored(cluster)[0] - before[0], 0))
    print("  (a write cut off by the stop may be stored but not acknowledged, or neither)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="length of each phase")
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--clients", type=int, default=6, help="clients of one account")
    parser.add_argument("--outage", type=float, default=5, help="seconds the database is down")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="mj-load-fault-"))
    cluster = Cluster(folder)
    server = None
    try:
        cluster.init()
        print(f"PostgreSQL cluster in {folder} on port {cluster.port}")
        # One account per writer for phases 1 and 3; the last account for phase 2.
        keys = prepare(cluster, args.writers + 1)
        solo = keys.pop()
        port = free_port()
        log = open(folder / "gunicorn.log", "w")  # noqa: SIM115 (closed in finally)
        server = subprocess.Popen(
            [
                GUNICORN,
                "config.wsgi",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(args.workers),
                "--threads",
                str(args.threads),
                "--timeout",
                "30",
            ],
            env=app_env(cluster),
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        wait_for(port)
        today = time.strftime("%Y-%m-%d", time.gmtime())
        run_writers(port, [solo] * args.workers * args.threads, 3, today)  # warm every worker
        print(
            f"gunicorn on {HOST}:{port}: {args.workers} workers x {args.threads} threads; "
            f"{args.seconds:.0f} s per phase"
        )

        before = stored(cluster)
        first = run_writers(port, keys, args.seconds, today)
        first.report(f"1. {len(keys)} writers, one account each, quick logs")
        print_rows(first, (stored(cluster)[0] - before[0], 0))

        before = stored(cluster)
        second = run_writers(port, [solo] * args.clients, args.seconds, today, checkins=True)
        second.report(f"2. {args.clients} clients of one account, quick logs and check-ins")
        after = stored(cluster)
        print_rows(second, (after[0] - before[0], after[1] - before[1]), checkin_days=1)

        outage_phase(cluster, port, keys, args.seconds, args.outage, today)
        served_errors = (folder / "gunicorn.log").read_text().count("Traceback")
        print(f"\ntracebacks in the server log: {served_errors}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with contextlib.suppress(subprocess.CalledProcessError):
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not start; see its log.")


if __name__ == "__main__":
    main()
