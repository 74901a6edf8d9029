"""Playwright driving Debian's Chromium against Django's live server.

No browser is downloaded: the tests use the system's Chromium. Without one
they skip with a message, unless BROWSER_TESTS is set (as CI does), where a
missing browser is a failure.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# A small Android phone: the narrowest screen the layout must fit (issue 14).
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
# Every page reports Content-Security-Policy violations back to the test, so a
# strict policy provably holds through htmx swaps (a violation fails the test).
REPORT_CSP_VIOLATIONS = """
window.cspViolations = 0;
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations += 1;
  window.reportCspViolation(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
    " at " + event.sourceFile + ":" + event.lineNumber + " " + (event.sample || "")
  );
});
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"No Chromium at {CHROMIUM}: install Debian's chromium to run the browser tests."
        if os.environ.get("BROWSER_TESTS"):
            pytest.fail(message + " BROWSER_TESTS is set, so this is a failure.")
        pytest.skip(message)
    # Playwright's sync API keeps an event loop in this thread; the ORM calls
    # the tests make to set up data are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch_for_problems(page) -> list[str]:
    """Console errors, uncaught exceptions and CSP violations, as they happen."""
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.expose_function("reportCspViolation", lambda text: problems.append(f"CSP: {text}"))
    page.add_init_script(REPORT_CSP_VIOLATIONS)
    return problems


def phone_page(browser, live_server):
    """A phone's tab in a context of its own: yields the page, then checks what the
    browser reported (for the `page` fixture, and tests that need another browser)."""
    context = browser.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = watch_for_problems(page)
    # A test that breaks the network on purpose lists the exact messages that
    # causes; each listed message excuses one report, nothing else.
    page.expected_errors = []
    yield page
    # Let htmx refreshes still in flight finish before the page goes: the live
    # server must not be serving a request when the next test starts.
    page.wait_for_load_state("networkidle")
    context.close()
    for expected in page.expected_errors:
        if expected in problems:
            problems.remove(expected)
    assert problems == [], f"the browser reported errors: {problems}"


@pytest.fixture
def page(browser, live_server):
    yield from phone_page(browser, live_server)
