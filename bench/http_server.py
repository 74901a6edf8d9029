"""One gunicorn worker serving the bench database over loopback, for bench/run.py: pages are
timed as a browser meets them, with the worker's own CPU time per request."""

import http.client
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


class HttpServer:
    """One gunicorn worker on loopback serving the bench database, and a plain HTTP GET
    with the logged-in client's session cookie: the time a browser waits for a page,
    parsing and the socket included."""

    def __init__(self, cookie: str):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.cookie = cookie
        self.cpu: list[float] = []  # the worker's CPU ms for each request, when known
        self.process = subprocess.Popen(
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "1"]
            + ["--log-level", "warning"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("gunicorn did not start")
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        found = children.read_text().split() if children.exists() else []
        self.stat = Path(f"/proc/{found[0]}/schedstat") if found else None

    def cpu_ns(self) -> int | None:
        """The worker's CPU time so far (Linux's schedstat), or None where unknown."""
        try:
            return int(self.stat.read_text().split()[0]) if self.stat else None
        except OSError:
            return None

    def get(self, url: str) -> int:
        before = self.cpu_ns() if hasattr(self, "stat") else None
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", url, headers={"Cookie": self.cookie, "Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        after = self.cpu_ns() if before is not None else None
        if after is not None:
            self.cpu.append((after - before) / 1e6)
        return response.status

    def cpu_median(self, since: int) -> float | None:
        """The median CPU ms of the requests since the `since`-th."""
        found = self.cpu[since + 1 :]  # the first was median_ms's warm-up
        return statistics.median(found) if found else None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
