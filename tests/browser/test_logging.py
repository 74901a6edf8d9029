from playwright.sync_api import expect

from journal.models import CheckIn, Session


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password:", exact=True).fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def mark_page(page):
    """A flag that a full page load would wipe out."""
    page.evaluate("window.stillTheSamePage = true")


def assert_not_reloaded(page):
    assert page.evaluate("window.stillTheSamePage") is True


def tap_scale(page, legend, value):
    group = page.get_by_role("group", name=legend)
    group.locator(f"label:has(input[value='{value}'])").click()


def open_sheet(page, sheet_id):
    """Tap a dashboard disclosure open (a plain <details>: no JavaScript needed)."""
    page.locator(f"#{sheet_id} > summary").click()
    expect(page.locator(f"#{sheet_id}")).to_have_attribute("open", "")


def test_quick_log_a_session_and_a_check_in_then_rate_the_effort_on_a_phone(page, alice):
    log_in(page, alice)
    mark_page(page)

    open_sheet(page, "quick-log")
    quick = page.locator("#quick-log")
    quick.get_by_label("Activity").select_option("hiit")
    quick.get_by_label("Minutes").fill("25")
    tap_scale(quick, "Feeling before", "-1")
    tap_scale(quick, "Feeling after", "3")
    quick.get_by_role("button", name="Log session").click()
    expect(page.locator("#quick-log").get_by_text("Logged:")).to_be_visible()
    # Focus lands on the result, not on <body>, so a screen reader hears it.
    assert page.evaluate("document.activeElement.matches('#quick-log .message')")
    # Logged without an effort, so it waits to be rated, and counts in the week.
    expect(page.locator("#pending > summary")).to_contain_text("Sessions to rate 1")
    expect(page.locator("#summary dd").first).to_have_text("1")
    assert_not_reloaded(page)

    open_sheet(page, "checkin")
    checkin = page.locator("#checkin")
    tap_scale(checkin, "Mood", "4")
    tap_scale(checkin, "Sleep quality last night", "7")
    checkin.get_by_role("button", name="Save for today").click()
    expect(page.locator("#checkin").get_by_text("Check-in saved")).to_be_visible()
    expect(page.locator("#summary")).to_contain_text("4 of 5")
    assert_not_reloaded(page)

    open_sheet(page, "pending")
    expect(page.locator("#pending").get_by_role("link", name="HIIT / intervals")).to_be_visible()
    page.locator("#pending").get_by_role("button", name="Effort 6 for").click()
    expect(page.locator("#pending")).to_contain_text("Every session has an effort rating")
    assert_not_reloaded(page)

    session = Session.objects.get(owner=alice)
    assert (session.activity, session.minutes, session.feeling_after, session.effort) == (
        "hiit",
        25,
        3,
        6,
    )
    assert CheckIn.objects.get(owner=alice).mood == 4
