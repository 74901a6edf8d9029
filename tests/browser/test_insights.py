import os

from django.core.management import call_command
from playwright.sync_api import expect

SCREENSHOT = os.environ.get("INSIGHTS_SCREENSHOT")  # a path, to look at a chart by eye
CANVASES = "document.querySelectorAll('canvas[data-insight-chart]').length"
BUILT = (
    "Array.from(document.querySelectorAll('canvas[data-insight-chart]'))"
    ".filter(c => window.Chart && Chart.getChart(c)).length"
)
DIFFERENCE = (
    "Chart.getChart(document.querySelector('#claim-feeling-endorphins canvas'))"
    ".data.datasets[1].data[0]"
)


def log_in_to_the_demo(page) -> None:
    call_command("seed_demo", "--user", "demo", "--years", "1", verbosity=0)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password:", exact=True).fill("move-and-feel-2026")
    page.get_by_role("button", name="Log in").click()


def every_chart_built(page) -> int:
    page.wait_for_function(f"() => {CANVASES} > 0 && {BUILT} === {CANVASES}")
    return page.evaluate(CANVASES)


def test_the_demo_user_sees_a_chart_per_claim_and_the_range_updates_them(page):
    log_in_to_the_demo(page)
    page.get_by_role("link", name="Insights", exact=True).first.click()
    expect(page.get_by_role("heading", name="The claims, on your data")).to_be_visible()

    # A chart for every claim with figures; the demo journal leaves one or two without.
    with_figures = page.locator(".insight-claim:not(.verdict-not_enough_data)").count()
    assert 10 <= with_figures < 16
    assert every_chart_built(page) == with_figures
    expect(
        page.get_by_text("Your ratings moved the way the article predicts").first
    ).to_be_visible()
    expect(page.get_by_text("Not enough data yet").first).to_be_visible()
    everything = page.evaluate(DIFFERENCE)
    page.evaluate("window.stillTheSamePage = true")

    control = page.get_by_role("navigation", name="Insights range")
    control.get_by_role("link", name="3 months").click()
    page.wait_for_function(
        "() => document.querySelector('.range-control a[aria-current]')"
        ".textContent.trim() === '3 months'"
    )
    every_chart_built(page)
    assert page.evaluate(DIFFERENCE) != everything
    assert page.url.endswith("?range=3m")
    assert page.evaluate("window.stillTheSamePage") is True
    page.locator("#claim-feeling-endorphins").screenshot(path=SCREENSHOT) if SCREENSHOT else None


def test_the_dashboard_card_loads_its_claims_when_opened(page):
    log_in_to_the_demo(page)
    card = page.locator("#insights-card")
    expect(card.locator(".entry-list")).to_have_count(0)  # nothing computed until opened
    card.locator("summary").click()
    expect(card.locator(".entry-list li").first).to_be_visible()
    expect(card.locator("details")).to_have_attribute("open", "")
    expect(card.get_by_role("link", name="All claims on the Insights page")).to_be_visible()


def test_one_tap_adds_the_missing_item_without_leaving_the_page(page):
    log_in_to_the_demo(page)
    page.goto("/insights/")
    expect(page.get_by_text("which your check-in does not ask about")).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("button", name="Add focus to my check-in").click()
    expect(page.get_by_text("Focus is now in your daily check-in")).to_be_visible()
    expect(page.get_by_role("button", name="Add focus to my check-in")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True
    every_chart_built(page)  # the swapped claims draw their charts again
