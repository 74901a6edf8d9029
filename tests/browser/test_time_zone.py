"""Sign-up pre-selects the browser's time zone, and the person can change it."""

from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD


def test_sign_up_saves_the_time_zone_the_browser_reports(browser, live_server):
    context = browser.new_context(base_url=live_server.url, timezone_id="Pacific/Auckland", **PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto("/accounts/signup/")
    zone = page.get_by_label("Time zone")
    expect(zone).to_have_value("Pacific/Auckland")
    page.get_by_label("Username").fill("erin")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.wait_for_load_state("networkidle")
    context.close()
    assert User.objects.get(username="erin").profile.time_zone == "Pacific/Auckland"
    assert errors == []


def test_the_detected_time_zone_can_be_changed_before_signing_up(browser, live_server):
    context = browser.new_context(base_url=live_server.url, timezone_id="Asia/Tokyo", **PHONE)
    page = context.new_page()
    page.goto("/accounts/signup/")
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
    page.get_by_label("Time zone").select_option("Europe/Lisbon")
    page.get_by_label("Username").fill("finn")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill("not the same one")
    page.get_by_role("button", name="Sign up").click()
    # Sent back with an error: the person's choice stays, not the browser's guess.
    expect(page.get_by_text("The two password fields")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("Europe/Lisbon")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.wait_for_load_state("networkidle")
    context.close()
    assert User.objects.get(username="finn").profile.time_zone == "Europe/Lisbon"
