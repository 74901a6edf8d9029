"""Phone first (issue 14): every page fits a 360 px screen, the dashboard's daily
loop sits in the first screen, and axe-core finds nothing in either colour scheme."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from content.models import Effect, Section
from journal.experiments.models import Experiment
from tests.browser.conftest import PHONE, watch_for_problems
from tests.browser.test_dashboard import BUILT

SCREEN = PHONE["viewport"]["height"]
CHART = "Chart.getChart(document.querySelector('#chart-{key} canvas'))"
MAIN_PAGES = [
    "/",
    "/sessions/",
    "/checkins/",
    "/insights/",
    "/experiments/",
    "/experiments/new/",
    "/learn/",
    "/account/",
]
# The widest element that sticks out past the right edge, to name it in a failure.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  let worst = null;
  for (const el of document.querySelectorAll("body *")) {
    const right = el.getBoundingClientRect().right;
    if (right > width + 1 && (!worst || right > worst.right)) {
      worst = {right, tag: el.tagName, cls: el.className, text: el.textContent.slice(0, 60)};
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, worst};
}"""


def reseed_learn_content():
    """The live server's tests flush the database after each test, Learn content
    included; running the content migrations again puts back what they seed."""
    if not Section.objects.exists():
        call_command("migrate", "content", "zero", verbosity=0)
        call_command("migrate", "content", verbosity=0)


DUPLICATE_IDS = """() => {
  const seen = {};
  document.querySelectorAll("[id]").forEach(el => { seen[el.id] = (seen[el.id] || 0) + 1; });
  return Object.keys(seen).filter(id => seen[id] > 1);
}"""


@pytest.fixture
def demo(page):
    reseed_learn_content()
    call_command("seed_demo", "--user", "demo", "--years", "1", verbosity=0)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password:", exact=True).fill("move-and-feel-2026")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    return page


def learn_pages() -> list[str]:
    sections = [s.get_absolute_url() for s in Section.objects.filter(published=True)]
    return sections + [e.get_absolute_url() for e in Effect.objects.all()]


def test_no_page_is_wider_than_a_360_px_screen(demo):
    # The demo's finished and running experiments, with their calendars and chart.
    experiments = [f"/experiments/{pk}/" for pk in Experiment.objects.values_list("pk", flat=True)]
    assert len(experiments) == 2
    pages = MAIN_PAGES + experiments + learn_pages()
    assert len(pages) > len(MAIN_PAGES) + 5
    too_wide = {}
    for url in pages:
        demo.goto(url)
        found = demo.evaluate(OVERFLOW)
        if found:
            too_wide[url] = found
    assert too_wide == {}


def test_the_daily_loop_fills_the_first_screen_and_the_charts_start_in_the_second(demo):
    def top_and_bottom(selector):
        box = demo.locator(selector).bounding_box()
        return box["y"], box["y"] + box["height"]

    assert demo.evaluate("window.scrollY") == 0
    _, summary_bottom = top_and_bottom("#summary")
    _, log_bottom = top_and_bottom("#quick-log > summary")
    _, checkin_bottom = top_and_bottom("#checkin > summary")
    charts_top, _ = top_and_bottom("#charts")
    assert summary_bottom <= SCREEN
    assert log_bottom <= SCREEN
    assert checkin_bottom <= SCREEN
    assert charts_top < 2 * SCREEN
    expect(demo.locator("#summary")).to_contain_text("moderate-equivalent minutes")
    # The charts far below are built only when scrolled near, not at load.
    last = CHART.format(key="effects-timeline")
    assert demo.evaluate(BUILT) == 0
    demo.locator("#chart-feeling-change").scroll_into_view_if_needed()
    demo.wait_for_function(f"() => window.Chart && {CHART.format(key='feeling-change')}")
    assert demo.evaluate(f"() => {last} === undefined") is True
    demo.locator("#chart-effects-timeline").scroll_into_view_if_needed()
    demo.wait_for_function(f"() => {last} !== undefined")


def test_a_csp_violation_fails_the_browser_tests(browser, live_server):
    # The page fixture's listener must see what a strict policy blocks.
    context = browser.new_context(base_url=live_server.url, **PHONE)
    page = context.new_page()
    problems = watch_for_problems(page)
    page.goto("/learn/")
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("() => window.cspViolations > 0")
    page.evaluate("() => 0")  # one more round trip: the binding's report has arrived
    context.close()
    assert any(problem.startswith("CSP: style-src") for problem in problems), problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_main_pages(demo, scheme):
    demo.emulate_media(color_scheme=scheme)
    axe = Axe()
    found = {}
    for url in MAIN_PAGES + learn_pages()[:1]:
        demo.goto(url)
        if url == "/":
            demo.wait_for_function(
                "() => document.querySelectorAll('canvas[data-chart]').length === 6"
            )
        results = axe.run(demo)
        if results.violations_count:
            found[url] = results.generate_report()
    # Closed disclosures hide their content from axe: open every one on the
    # dashboard (both forms, the pending list, the chart tables) and look again.
    demo.goto("/")
    demo.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    results = axe.run(demo)
    if results.violations_count:
        found["/ (every disclosure open)"] = results.generate_report()
    # axe 4.12 no longer checks ids; the two dashboard forms once shared id_date.
    assert demo.evaluate(DUPLICATE_IDS) == []
    # And a page of each kind below the main ones: a session, and an effect.
    for url in [demo.locator("#pending a").first.get_attribute("href"), learn_pages()[-1]]:
        demo.goto(url)
        results = axe.run(demo)
        if results.violations_count:
            found[url] = results.generate_report()
    assert found == {}, "\n".join(f"{url}\n{report}" for url, report in found.items())


def test_a_single_session_is_a_slim_bar_under_a_short_unrotated_date(page, alice):
    from tests.browser.test_logging import log_in
    from tests.factories import make_session

    make_session(alice, date=alice.profile.today(), activity="walking", minutes=30)
    log_in(page, alice)
    feeling = CHART.format(key="feeling-change")
    page.locator("#chart-feeling-change").scroll_into_view_if_needed()
    page.wait_for_function(f"() => window.Chart && {feeling}")
    bar = page.evaluate(
        f"() => {feeling}.getSortedVisibleDatasetMetas()"
        ".flatMap(meta => meta.data).map(el => el.width)"
    )
    # Without a maximum, the one bar would take most of the 300 px plot.
    assert bar
    assert max(bar) <= 28
    ticks = page.evaluate(f"() => {feeling}.scales.x.ticks.map(t => t.label)")
    assert page.evaluate(f"() => {feeling}.scales.x.labelRotation") == 0
    # "25 Nov" or "Nov 25", as the reader's locale writes it: no ISO date, no activity.
    assert len(ticks) == 1
    assert "-" not in ticks[0]
    assert "Walking" not in ticks[0]
    assert len(ticks[0].split()) == 2


def test_the_effects_timeline_shows_the_top_effects_and_others(demo):
    timeline = CHART.format(key="effects-timeline")
    demo.locator("#chart-effects-timeline").scroll_into_view_if_needed()
    demo.wait_for_function(f"() => window.Chart && {timeline}")
    labels = demo.evaluate(f"() => {timeline}.data.datasets.map(d => d.label)")
    stacked = [label for label in labels if "Long-term" not in label and "Chronic" not in label]
    assert len(stacked) == 6
    assert any(label.startswith("Others (") for label in stacked)
    legend = demo.evaluate(f"() => {timeline}.options.plugins.legend.position")
    assert legend == "bottom"
