"""Issue 25, item 6, measured at 360 px: the feeling scale in two even rows, the Sessions
filter folded, the long-term card's count and chevron whole, the import's mapping dropdown
showing its choice in full, and the empty dashboard pointing at an import."""

from playwright.sync_api import expect

from tests.browser.test_logging import log_in, open_sheet
from tests.browser.test_phone import demo  # noqa: F401 (a fixture)
from tests.imports.import_files import (
    days_ago,
    run_worker_once,
    strava_row,
    strava_zip,
    three_strava_rows,
)

ROWS = """(group) => {
  const tops = {};
  group.querySelectorAll(".scale-options > label").forEach((label) => {
    const top = Math.round(label.getBoundingClientRect().top);
    tops[top] = (tops[top] || 0) + 1;
  });
  return Object.keys(tops).sort((a, b) => a - b).map((top) => tops[top]);
}"""

WHOLE = """(summary) => {
  const box = summary.getBoundingClientRect();
  const count = summary.querySelector(".count").getBoundingClientRect();
  const chevron = getComputedStyle(summary, "::after");
  return {
    countInside: count.left >= box.left && count.right <= box.right + 0.5,
    countWide: count.width >= summary.querySelector(".count").scrollWidth,
    chevronWidth: parseFloat(chevron.width),
  };
}"""

SHOWS_CHOICE = """(select) => {
  const context = document.createElement("canvas").getContext("2d");
  const style = getComputedStyle(select);
  context.font = style.font;
  const text = select.options[select.selectedIndex].text;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const box = select.getBoundingClientRect();
  return {text, fits: context.measureText(text).width <= room, right: box.right};
}"""


def test_the_feeling_scales_sit_in_two_even_rows(page, alice):
    log_in(page, alice)
    open_sheet(page, "quick-log")
    for legend in ("Feeling before", "Feeling after"):
        group = page.locator("#quick-log").get_by_role("group", name=legend)
        assert group.evaluate(ROWS) == [6, 5]
    effort = page.locator("#quick-log").get_by_role("group", name="Session effort")
    assert effort.evaluate(ROWS) == [6, 6]  # "skip" and 0 to 10


def test_the_sessions_filter_is_folded_to_one_row(page, alice):
    log_in(page, alice)
    page.goto("/sessions/")
    sheet = page.locator(".filter-sheet")
    expect(sheet).not_to_have_attribute("open", "")
    expect(page.get_by_label("Activity")).to_be_hidden()
    box = sheet.bounding_box()
    assert box["height"] < 80
    sheet.locator("summary").click()
    expect(page.get_by_label("Activity")).to_be_visible()
    # Filtered, it stays open, so the person sees what filters the list.
    page.goto("/sessions/?activity=walking")
    expect(page.locator(".filter-sheet")).to_have_attribute("open", "")


def test_the_long_term_cards_count_and_chevron_are_whole(demo):  # noqa: F811
    summary = demo.locator("#chronic summary.sheet-button")
    expect(summary.locator(".count")).to_be_visible()
    measured = summary.evaluate(WHOLE)
    assert measured["countInside"], measured
    assert measured["countWide"], measured
    assert measured["chevronWidth"] >= 8, measured  # 0.55rem: not squeezed to a sliver


def test_the_mapping_dropdown_shows_its_choice_in_full(page, alice, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log_in(page, alice)
    page.route("**/account/import/**", lambda route: route.continue_())
    rows = [*three_strava_rows(), strava_row(1004, days_ago(9), kind="Weight Training")]
    page.goto("/account/import/")
    page.get_by_label("File").set_input_files(
        {"name": "export_1.zip", "mimeType": "application/zip", "buffer": strava_zip(rows)}
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Reading the file")).to_be_visible()
    run_worker_once()
    expect(page.get_by_role("heading", name="What the file holds")).to_be_visible()
    selects = page.locator(".table-wrap td select")
    assert selects.count() >= 3
    for index in range(selects.count()):
        measured = selects.nth(index).evaluate(SHOWS_CHOICE)
        assert measured["fits"], measured
        assert measured["right"] <= 360, measured


def test_the_empty_dashboard_offers_to_import_a_history(page, alice):
    log_in(page, alice)
    card = page.locator(".start-card")
    expect(card).to_contain_text("Start with the history you already have")
    card.get_by_role("link", name="Import a history").click()
    expect(page.get_by_label("File")).to_be_visible()
