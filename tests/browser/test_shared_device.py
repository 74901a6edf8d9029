"""One tab, two people: after A logs out, nothing of A is left for B to see or to send."""

import json
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from journal.models import Session
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, phone_page
from tests.browser.test_logging import log_in
from tests.browser.test_offline import log_a_walk_offline
from tests.factories import make_session

A_NOTE = "alice-queued-note-7f3a"  # the note of A's log, made offline
A_MINUTES = 77  # A's sessions, easy to tell apart from B's
DISCONNECTED = "Failed to load resource: net::ERR_INTERNET_DISCONNECTED"

# Everything this origin keeps in the page's storage, as text.
READ_STORAGE = """async () => {
  const dump = (store) => Object.fromEntries(Object.keys(store).map((k) => [k, store.getItem(k)]));
  const found = { session: dump(sessionStorage), local: dump(localStorage), indexed: {} };
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open(info.name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    for (const name of db.objectStoreNames) {
      found.indexed[info.name + "/" + name] = await new Promise((ok) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => ok(r.result);
      });
    }
    db.close();
  }
  return found;
}"""

# A database of the page's own, that only Clear-Site-Data can remove (logout.js leaves it).
PLANT_A_DATABASE = """() => new Promise((ok) => {
  const r = indexedDB.open("left-by-alice");
  r.onupgradeneeded = () => r.result.createObjectStore("things");
  r.onsuccess = () => { r.result.close(); ok(true); };
})"""


@pytest.fixture
def page(browser, live_server):
    """A phone's tab in a Chromium with its back/forward cache on, as people's browsers
    have it (Playwright turns it off by default): Back may then show a whole page kept in
    memory without asking the server, unless the page said not to keep it."""
    with_cache = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    try:
        yield from phone_page(with_cache, live_server)
    finally:
        with_cache.close()


def a_journal(alice):
    ids = []
    for day in range(25):
        session = make_session(
            alice,
            activity="walking",
            minutes=A_MINUTES,
            date=date.today() - timedelta(days=day + 1),
        )
        ids.append(session.pk)
    make_session(alice, activity="aerobic", minutes=A_MINUTES)
    return ids


def queue_a_log_offline(page):
    page.goto("/")
    log_a_walk_offline(page, note=A_NOTE)


def go_online_unable_to_send(page):
    """Back online, but the journal cannot be reached for the quick log: it stays queued."""
    page.route("**/sessions/quick/", lambda route: route.abort("internetdisconnected"))
    page.expected_errors.append(DISCONNECTED)
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()


def test_back_after_a_logout_and_a_new_login_shows_nothing_of_the_first_person(page, alice, bob):
    a_ids = a_journal(alice)
    make_session(bob, activity="walking", minutes=33)
    b_ids = set(Session.objects.filter(owner=bob).values_list("pk", flat=True))

    # A: logs in, changes the range, filters the Sessions list, queues a log offline.
    log_in(page, alice)
    page.get_by_role("navigation", name="Chart range").get_by_role("link", name="1 year").click()
    page.wait_for_url("**/?range=1y")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_text("Filter sessions").click()  # the filter is folded until asked for
    page.get_by_label("Activity").select_option("walking")
    page.wait_for_url("**/sessions/?*activity=walking*")
    expect(page.get_by_text("25 sessions match these filters.")).to_be_visible()
    page.evaluate("localStorage.setItem('alice-probe', 'alice-was-here')")
    page.evaluate(PLANT_A_DATABASE)
    queue_a_log_offline(page)
    go_online_unable_to_send(page)
    a_key = page.evaluate(READ_STORAGE)["indexed"]["movement-journal/quick-logs"][0]["key"]

    # A logs out: the logout page says a log waits; sending fails, so A discards it.
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log out")).to_be_visible()
    expect(page.get_by_text("1 session logged without a connection is still on")).to_be_visible()
    expect(page.locator("[data-plain-logout] button")).to_be_hidden()
    page.expected_errors.append(DISCONNECTED)
    page.get_by_role("button", name="Send them, then log out").click()
    expect(page.get_by_text("Could not send 1 session just now")).to_be_visible()
    page.get_by_role("button", name="Discard them and log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    page.unroute("**/sessions/quick/")  # from now on, anything sent would reach the journal

    # B logs in, in the same tab; every request of B's session is watched.
    requests = []
    page.on("request", lambda request: requests.append(request))
    log_in(page, bob)

    def nothing_of_a_on_screen(where):
        html = page.content()
        text = page.inner_text("body")
        assert "alice" not in html.lower(), where
        assert f"{A_MINUTES} min" not in text, where
        assert "25 sessions" not in text, where
        assert A_NOTE not in html, where
        linked = {
            int(href.strip("/").split("/")[1])
            for href in page.eval_on_selector_all(
                "a[href^='/sessions/']", "links => links.map(a => a.getAttribute('href'))"
            )
            if href.strip("/").split("/")[1:2] and href.strip("/").split("/")[1].isdigit()
        }
        assert not linked & set(a_ids), where
        assert linked <= b_ids, where

    nothing_of_a_on_screen("B's dashboard")
    for step in range(8):
        # "commit": a page restored from the back/forward cache fires no load event.
        page.go_back(wait_until="commit")
        page.wait_for_timeout(300)  # a popstate that htmx may turn into a reload
        page.wait_for_function("document.readyState === 'complete'")
        nothing_of_a_on_screen(f"Back {step + 1} ({page.url})")

    kept = page.evaluate(READ_STORAGE)
    kept_text = json.dumps(kept)
    assert "alice" not in kept_text
    assert A_NOTE not in kept_text
    assert a_key not in kept_text
    assert "htmx-history-cache" not in kept["session"]
    assert "left-by-alice/things" not in kept["indexed"]  # Clear-Site-Data removed it
    assert all(log["owner"] != str(alice.pk) for log in kept["indexed"].get("quick-logs", []))

    # No request made in B's session carried A's log, and the journal has it nowhere.
    for request in requests:
        body = request.post_data or ""
        assert A_NOTE not in body, request.url
        assert a_key not in body, request.url
        assert request.headers.get("x-journal-account") in (None, str(bob.pk)), request.url
    assert not Session.objects.filter(note=A_NOTE).exists()
    assert not Session.objects.filter(owner=bob, minutes=35).exists()


def test_logs_made_offline_can_be_sent_before_the_logout(page, alice):
    log_in(page, alice)
    queue_a_log_offline(page)
    go_online_unable_to_send(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("1 session logged without a connection is still on")).to_be_visible()
    page.unroute("**/sessions/quick/")  # the connection is back
    page.get_by_role("button", name="Send them, then log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    saved = Session.objects.get(owner=alice, note=A_NOTE)
    assert (saved.activity, saved.minutes) == ("walking", 35)
    assert page.evaluate(READ_STORAGE)["indexed"] == {}


def test_with_nothing_waiting_log_out_is_one_tap(page, alice):
    log_in(page, alice)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    expect(page.get_by_text("You are logged out.")).to_be_visible()


def test_a_page_left_open_never_sends_its_log_into_the_account_signed_in_since(
    page, alice, bob, live_server
):
    from django.conf import settings
    from django.test import Client

    log_in(page, alice)
    queue_a_log_offline(page)
    # Meanwhile B signs in in this browser (another tab), without A logging out: the
    # session cookie is B's now, and A's page, still open, still holds A's log.
    client = Client()
    client.force_login(bob)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )

    page.expected_errors.append(
        "Failed to load resource: the server responded with a status of 409 (Conflict)"
    )
    with page.expect_response("**/sessions/quick/") as answer:
        page.context.set_offline(False)
    assert answer.value.status == 409  # the journal refused A's log in B's account
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()  # kept for A
    assert not Session.objects.filter(note=A_NOTE).exists()
