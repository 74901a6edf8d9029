from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.test_logging import open_sheet, tap_scale

CHARTS = 6
FEELING_CANVAS = "document.querySelector('#chart-feeling-change canvas')"


BUILT = (
    "() => Array.from(document.querySelectorAll('canvas[data-chart]'))"
    ".filter(c => window.Chart && Chart.getChart(c)).length"
)


def charts_built(page) -> int:
    return page.evaluate(BUILT)


def wait_for_all_charts(page):
    """Charts are built as they come near the screen: scroll past each one."""
    page.wait_for_function(
        f"() => document.querySelectorAll('canvas[data-chart]').length === {CHARTS}"
    )
    for index in range(CHARTS):
        page.locator("canvas[data-chart]").nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "i => Chart.getChart(document.querySelectorAll('canvas[data-chart]')[i])", arg=index
        )
    page.wait_for_function(f"() => ({BUILT})() === {CHARTS}")
    page.evaluate("window.scrollTo(0, 0)")


def feeling_points(page) -> int:
    return page.evaluate(f"Chart.getChart({FEELING_CANVAS}).data.labels.length")


def test_demo_charts_render_follow_the_range_and_take_a_new_session_without_reload(page):
    call_command("seed_demo", "--user", "demo", "--years", "1", verbosity=0)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password:", exact=True).fill("move-and-feel-2026")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Trends")).to_be_visible()
    page.wait_for_function(
        f"() => document.querySelectorAll('canvas[data-chart]').length === {CHARTS}"
    )
    wait_for_all_charts(page)
    page.evaluate("window.stillTheSamePage = true")
    three_months = feeling_points(page)

    page.get_by_role("navigation", name="Chart range").get_by_role("link", name="1 year").click()
    page.wait_for_function(
        "() => document.querySelector('.range-control a[aria-current]')"
        ".textContent.trim() === '1 year'"
    )
    wait_for_all_charts(page)
    one_year = feeling_points(page)
    assert one_year > three_months
    assert page.url.endswith("?range=1y")

    open_sheet(page, "quick-log")
    quick = page.locator("#quick-log")
    quick.get_by_label("Minutes").fill("33")
    tap_scale(quick, "Feeling before", "0")
    tap_scale(quick, "Feeling after", "2")
    # Mark the charts as they are, to know when htmx has swapped in the refreshed ones.
    page.evaluate("document.querySelector('#charts').dataset.before = 'yes'")
    quick.get_by_role("button", name="Log session").click()
    expect(page.locator("#quick-log .message:not([data-offline-status])")).to_be_focused()
    page.wait_for_function("() => !document.querySelector('#charts').dataset.before")
    # The refreshed charts carry the new session once scrolled to.
    page.locator("#chart-feeling-change").scroll_into_view_if_needed()
    grown = f"() => Chart.getChart({FEELING_CANVAS})?.data.labels.length === {one_year + 1}"
    page.wait_for_function(grown)
    wait_for_all_charts(page)
    assert page.evaluate("window.stillTheSamePage") is True
