"""Issue 25 at 360 px: back-filling never overwrites a day by surprise, the quick log shows
its first error where the thumb is, and the installed app logs offline from a cold start."""

from datetime import timedelta

from playwright.sync_api import expect

from journal.core import words
from journal.models import CheckIn, Session
from tests.browser.test_logging import log_in, open_sheet, tap_scale
from tests.factories import make_checkin


def save_check_in(sheet, mood, sleep, button):
    tap_scale(sheet, "Mood", mood)
    tap_scale(sheet, "Sleep quality last night", sleep)
    sheet.get_by_role("button", name=button).click()


def swapped(page):
    """Wait until htmx has swapped and settled what it was fetching."""
    busy = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"
    expect(page.locator(busy)).to_have_count(0)


def choose_day(page, day):
    page.locator("#checkin .another-day > summary").click()
    with page.expect_response(lambda r: "/checkins/day/" in r.url):
        page.locator("#checkin-day").fill(day.isoformat())
        page.locator("#checkin-day").dispatch_event("change")
    expect(page.locator("#checkin-form [name=checkin-date]")).to_have_value(day.isoformat())
    swapped(page)


def fill_quick_log(quick, minutes, before, after):
    quick.get_by_label("Minutes").fill(minutes)
    tap_scale(quick, "Feeling before", before)
    tap_scale(quick, "Feeling after", after)
    quick.get_by_role("button", name="Log session").click()


def checked(sheet, legend):
    return sheet.get_by_role("group", name=legend).locator("input:checked")


def test_back_filling_yesterday_after_todays_check_in_keeps_both_days(page, alice):
    today = alice.profile.today()
    yesterday = today - timedelta(days=1)
    log_in(page, alice)
    open_sheet(page, "checkin")
    sheet = page.locator("#checkin")
    save_check_in(sheet, "5", "8", "Save for today")
    expect(sheet.get_by_text("Check-in saved for today")).to_be_visible()

    # Yesterday: the form empties (no answers copied from today) and names the day.
    choose_day(page, yesterday)
    sheet = page.locator("#checkin")
    expect(checked(sheet, "Mood")).to_have_count(0)
    expect(checked(sheet, "Sleep quality last night")).to_have_count(0)
    button = f"Save for yesterday, {words.day(yesterday, today)}"
    expect(sheet.get_by_role("button", name=button)).to_be_visible()
    save_check_in(sheet, "2", "4", button)
    expect(page.locator("#checkin").get_by_text("Check-in saved for yesterday")).to_be_visible()

    stored = {c.date: (c.mood, c.sleep_quality) for c in CheckIn.objects.filter(owner=alice)}
    assert stored == {today: (5, 8), yesterday: (2, 4)}


def test_changing_the_date_of_a_filled_form_shows_that_days_answers(page, alice):
    today = alice.profile.today()
    day = today - timedelta(days=4)
    make_checkin(alice, date=today, mood=5, sleep_quality=9)
    make_checkin(alice, date=day, mood=2, sleep_quality=3)
    log_in(page, alice)
    open_sheet(page, "checkin")
    sheet = page.locator("#checkin")
    expect(checked(sheet, "Mood")).to_have_value("5")

    choose_day(page, day)
    expect(checked(sheet, "Mood")).to_have_value("2")
    expect(checked(sheet, "Sleep quality last night")).to_have_value("3")
    expect(sheet.get_by_text(f"{words.day(day, today)} has a check-in")).to_be_visible()
    # Changing an answer there edits that day only; nothing asks, as the form showed it.
    tap_scale(sheet, "Mood", "3")
    sheet.get_by_role("button", name=f"Save for {words.day(day, today)}").click()
    expect(page.locator("#checkin").get_by_text("Check-in saved for")).to_be_visible()
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, day: 3}


def test_the_check_ins_page_adds_a_day_without_scripts_too(page, alice):
    today = alice.profile.today()
    day = today - timedelta(days=2)
    log_in(page, alice)
    page.goto("/checkins/")
    page.get_by_role("link", name="Add a check-in for another day").click()
    expect(page.get_by_role("heading", name="Check-in for another day")).to_be_visible()
    with page.expect_response(lambda r: "/checkins/day/" in r.url):
        page.get_by_label("Day").fill(day.isoformat())
        page.get_by_label("Day").dispatch_event("change")
    expect(page.locator("#checkin-form [name=checkin-date]")).to_have_value(day.isoformat())
    swapped(page)
    save_check_in(page.locator("#checkin-form"), "4", "6", f"Save for {words.day(day, today)}")
    expect(page.get_by_text(f"Check-in saved for {words.day(day, today)}")).to_be_visible()
    assert CheckIn.objects.get(owner=alice).date == day


def test_an_empty_quick_log_focuses_and_shows_its_first_error(page, alice):
    log_in(page, alice)
    open_sheet(page, "quick-log")
    quick = page.locator("#quick-log")
    quick.get_by_role("button", name="Log session").click()
    minutes = page.locator("#quick-log").get_by_label("Minutes")
    expect(minutes).to_be_focused()
    expect(page.get_by_text("Enter how many minutes the session lasted")).to_be_in_viewport()
    expect(page.get_by_text("Choose how you felt before, from -5 to +5.")).to_be_visible()
    expect(page.get_by_text("This field is required.")).to_have_count(0)
    assert not Session.objects.exists()


def test_a_very_long_session_is_asked_about_once(page, alice):
    log_in(page, alice)
    open_sheet(page, "quick-log")
    fill_quick_log(page.locator("#quick-log"), "450", "0", "2")
    expect(page.get_by_text("Really 7.5 hours?")).to_be_visible()
    expect(page.locator("#quick-log").get_by_label("Minutes")).to_be_focused()
    assert not Session.objects.exists()
    page.locator("#quick-log").get_by_role("button", name="Log session").click()
    expect(page.locator("#quick-log").get_by_text("Logged:")).to_be_visible()
    assert Session.objects.get(owner=alice).minutes == 450


def test_the_installed_app_opened_offline_shows_the_quick_log_and_queues(page, alice):
    log_in(page, alice)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # The worker has kept the shell: wait until it controls this page.
    page.reload()
    assert page.evaluate(
        """new Promise((done) => navigator.serviceWorker.controller ? done(true) :
            navigator.serviceWorker.addEventListener("controllerchange", () => done(true)))"""
    )
    page.context.set_offline(True)
    # A cold start: the app's start URL, with no connection.
    page.goto("/")
    expect(page.get_by_role("heading", name="Log a session")).to_be_visible()
    expect(page.get_by_text("You are offline.")).to_be_visible()
    quick = page.locator("#quick-log")
    quick.get_by_label("Activity").select_option("walking")
    fill_quick_log(quick, "40", "1", "3")
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()
    # Reloading offline keeps the queue in view.
    page.reload()
    expect(page.get_by_text("Waiting to send (1)")).to_be_visible()
    assert not Session.objects.exists()

    page.context.set_offline(False)
    page.goto("/")
    expect(page.get_by_text("Sent 1 session logged while offline.")).to_be_visible()
    session = Session.objects.get(owner=alice)
    assert (session.activity, session.minutes, session.feeling_after) == ("walking", 40, 3)
