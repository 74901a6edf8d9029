"""Offline: a quick log made without a connection waits on the device, then is stored once."""

from playwright.sync_api import expect

from journal.models import Session
from tests.browser.test_logging import log_in, open_sheet, tap_scale


def log_a_walk_offline(page, note=""):
    open_sheet(page, "quick-log")
    page.context.set_offline(True)
    quick = page.locator("#quick-log")
    quick.get_by_label("Activity").select_option("walking")
    quick.get_by_label("Minutes").fill("35")
    tap_scale(quick, "Feeling before", "0")
    tap_scale(quick, "Feeling after", "2")
    if note:
        quick.locator("summary", has_text="Date and note").click()
        quick.get_by_label("Note").fill(note)
    quick.get_by_role("button", name="Log session").click()
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()


def test_a_session_logged_offline_is_sent_when_the_connection_returns(page, alice):
    log_in(page, alice)
    log_a_walk_offline(page)
    assert not Session.objects.filter(owner=alice).exists()
    # The form is ready for the next log, with a new key.
    expect(page.locator("#quick-log").get_by_label("Minutes")).to_have_value("")

    page.context.set_offline(False)
    expect(page.get_by_text("Sent 1 session logged while offline.")).to_be_visible()
    expect(page.get_by_text("Waiting to send")).to_be_hidden()
    # The summary counts it (its first figure is this week's sessions).
    expect(page.locator("#summary .summary-stats dd").first).to_have_text("1")
    # A page load sends whatever still waits: nothing does, so nothing is added.
    page.reload()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    session = Session.objects.get(owner=alice)
    assert (session.activity, session.minutes, session.feeling_after) == ("walking", 35, 2)


def test_a_resend_after_a_lost_reply_stores_the_session_once(page, alice):
    log_in(page, alice)
    log_a_walk_offline(page)

    # The first send reaches the journal, which saves it, but the reply is lost,
    # so the log stays on the device and is sent again on the next page load.
    def lose_the_reply(route):
        route.fetch()
        route.abort("connectionreset")

    page.route("**/sessions/quick/", lose_the_reply, times=1)
    # Chromium reports the dropped connection; that one report is expected.
    page.expected_errors.append("Failed to load resource: net::ERR_CONNECTION_RESET")
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()
    assert Session.objects.filter(owner=alice).count() == 1

    page.reload()
    expect(page.get_by_text("Sent 1 session logged while offline.")).to_be_visible()
    expect(page.get_by_text("Waiting to send")).to_be_hidden()
    assert Session.objects.filter(owner=alice).count() == 1


def test_a_page_that_cannot_be_reached_shows_the_offline_page(page, alice):
    log_in(page, alice)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.context.set_offline(True)
    page.goto("/sessions/")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
    page.context.set_offline(False)


def test_a_log_whose_request_never_arrives_waits_on_the_device_too(page, alice):
    log_in(page, alice)
    # Online as far as the browser knows, but the request does not get through.
    page.route("**/sessions/quick/", lambda route: route.abort("internetdisconnected"), times=1)
    # What Chromium and htmx report about that one failed request, and nothing else.
    page.expected_errors += [
        "Failed to load resource: net::ERR_INTERNET_DISCONNECTED",
        "htmx:sendError, [object HTMLDetailsElement]",
        "htmx:afterRequest, [object HTMLDetailsElement]",
    ]
    open_sheet(page, "quick-log")
    quick = page.locator("#quick-log")
    quick.get_by_label("Minutes").fill("20")
    tap_scale(quick, "Feeling before", "1")
    tap_scale(quick, "Feeling after", "1")
    quick.get_by_role("button", name="Log session").click()
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()
    assert not Session.objects.filter(owner=alice).exists()

    page.reload()
    expect(page.get_by_text("Sent 1 session logged while offline.")).to_be_visible()
    assert Session.objects.get(owner=alice).minutes == 20


def test_a_waiting_log_the_journal_refuses_is_reported_not_kept(page, alice):
    log_in(page, alice)
    # A damaged key: the journal refuses the log when it finally arrives.
    page.locator("[data-log-key]").evaluate("input => { input.value = 'not-a-key'; }")
    log_a_walk_offline(page)

    page.context.set_offline(False)
    expect(page.get_by_role("alert")).to_contain_text(
        "1 session logged while offline could not be saved"
    )
    expect(page.get_by_text("Waiting to send")).to_be_hidden()
    assert not Session.objects.filter(owner=alice).exists()
