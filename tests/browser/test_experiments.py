"""An experiment in a browser: plan and start it, see today's unit on the dashboard, log,
see kept and missed units on the calendar, stop it."""

from datetime import timedelta

from playwright.sync_api import expect

from journal.core.services import profile_for
from journal.experiments.models import Experiment
from tests.browser.test_logging import log_in, open_sheet, tap_scale


def test_start_follow_and_stop_an_experiment_on_a_phone(page, alice):
    log_in(page, alice)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Experiments").click()
    expect(page.get_by_role("heading", name="Experiments", exact=True)).to_be_visible()
    design = page.locator("#design-steady-vs-rest-mood")
    expect(design.get_by_role("link", name="Insights claim")).to_be_visible()
    design.get_by_role("link", name="Plan this experiment").click()
    expect(page.get_by_label("Does a steady moderate session lift")).to_be_checked()
    today = profile_for(alice).today()
    page.get_by_label("Start").fill(today.isoformat())
    page.get_by_role("button", name="See the plan").click()
    expect(page.get_by_text("before asking a clinician", exact=False)).to_be_visible()
    page.get_by_role("button", name="Start this experiment").click()
    expect(page.get_by_text("Your experiment is planned.")).to_be_visible()
    experiment = Experiment.objects.get(owner=alice)
    kind = "a steady day" if experiment.schedule[0] == "A" else "a rest day"

    page.get_by_role("link", name="Dashboard").click()
    line = page.locator("#experiment-today")
    expect(line).to_contain_text(f"Experiment day 1 of 20: today is {kind}.")
    expect(line).to_contain_text("Nothing logged")

    open_sheet(page, "quick-log")
    quick = page.locator("#quick-log")
    quick.get_by_label("Activity").select_option("aerobic")
    quick.get_by_label("Minutes").fill("40")
    tap_scale(quick, "Feeling before", "0")
    tap_scale(quick, "Feeling after", "2")
    tap_scale(quick, "Session effort", "4")
    quick.get_by_role("button", name="Log session").click()
    expect(quick.get_by_text("Logged:")).to_be_visible()
    # The line refreshes itself after the log: a steady run keeps a steady day, breaks a rest day.
    kept = "What you logged keeps the plan." if kind == "a steady day" else "does not match"
    expect(line).to_contain_text(kept)

    # Two days on: the same plan begun two days earlier, so its first pair has passed with
    # nothing logged on it (its rest day kept, its steady day missed) and today is day 3.
    Experiment.objects.filter(pk=experiment.pk).update(start=today - timedelta(days=2))
    page.goto(f"/experiments/{experiment.pk}/")
    calendar = page.locator(".experiment-calendar")
    first_pair = calendar.locator(".experiment-pair").first
    expect(first_pair.locator(".unit-followed")).to_have_count(1)
    expect(first_pair.locator(".unit-missed")).to_have_count(1)
    expect(first_pair.locator(".unit-followed")).to_contain_text("a rest day")
    expect(first_pair.locator(".unit-missed")).to_contain_text("a steady day")
    expect(calendar.locator(".unit-today")).to_contain_text("Day 3")

    page.get_by_role("link", name="Stop early").click()
    page.get_by_role("button", name="Stop the experiment").click()
    expect(page.get_by_text("Stopped early").first).to_be_visible()
    expect(page.get_by_role("link", name="Stop early")).to_have_count(0)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator("#experiment-today")).to_be_hidden()
    assert Experiment.objects.get(pk=experiment.pk).status == "stopped"


def test_the_demo_shows_a_finished_result_with_its_chart_and_a_running_plan(page):
    from django.core.management import call_command

    call_command("seed_demo", "--user", "demo", "--years", "1", verbosity=0)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("demo")
    page.get_by_label("Password:", exact=True).fill("move-and-feel-2026")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#experiment-today")).to_contain_text("Experiment day 7 of 20: today is")
    page.goto("/experiments/")
    page.get_by_role("link", name="Does a steady moderate session lift my mood").click()
    expect(page.get_by_text("Your ratings moved the way the article predicts.")).to_be_visible()
    expect(page.get_by_text("by re-drawing the schedule", exact=False)).to_be_visible()
    canvas = page.locator("canvas[data-experiment-chart]")
    canvas.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => window.Chart"
        " && Chart.getChart(document.querySelector('canvas[data-experiment-chart]'))"
    )
    assert (
        page.evaluate(
            "Chart.getChart(document.querySelector('canvas[data-experiment-chart]'))"
            ".data.datasets[0].data.length"
        )
        == 10
    )
    page.goto("/insights/")
    claim = page.locator("#claim-mood-endorphins")
    expect(
        claim.get_by_role("link", name="your ratings moved the way the article predicts")
    ).to_be_visible()
    expect(
        page.locator("#claim-stress-hpa").get_by_role("link", name="Test it with an experiment")
    ).to_be_visible()
