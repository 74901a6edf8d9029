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


def test_quick_log_a_session_and_a_check_in_then_rate_the_effort_on_a_phone(page, alice):
    log_in(page, alice)
    mark_page(page)

    quick = page.locator("#quick-log")
    quick.get_by_label("Activity").select_option("hiit")
    quick.get_by_label("Minutes").fill("25")
    tap_scale(quick, "Feeling before", "-1")
    tap_scale(quick, "Feeling after", "3")
    quick.get_by_role("button", name="Log session").click()
    expect(page.locator("#quick-log").get_by_text("Logged:")).to_be_visible()
    # Logged without an effort, so it appears in the list to rate, and in the week.
    pending = page.locator("#pending")
    expect(pending.get_by_role("link", name="HIIT / intervals")).to_be_visible()
    expect(page.locator("#week")).to_contain_text("1 session, 25 minutes")
    assert_not_reloaded(page)

    checkin = page.locator("#checkin")
    tap_scale(checkin, "Mood", "4")
    tap_scale(checkin, "Sleep quality last night", "7")
    checkin.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#checkin").get_by_text("Check-in saved")).to_be_visible()
    assert_not_reloaded(page)

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
