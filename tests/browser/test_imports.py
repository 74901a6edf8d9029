"""Importing a Strava export in the browser, with the database task backend and its worker.

How the tasks run here: the database backend stores them, and the test runs
the real worker (django_tasks_db's Worker, one batch) in its own thread at the
moment a worker would pick them up. While it runs, the page's polling
requests are held by a Playwright route (the handler only runs while the test
is in a Playwright call), so the worker never shares the live server's SQLite
connection with a request in flight. The page then polls until it shows the
result, as it would with a worker process beside the server.
"""

from playwright.sync_api import expect

from journal.models import Session
from tests.browser.test_logging import log_in
from tests.imports.import_files import run_worker_once, strava_zip, three_strava_rows


def test_upload_a_strava_zip_map_a_type_confirm_and_see_the_sessions(page, alice, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log_in(page, alice)
    page.route("**/account/import/**", lambda route: route.continue_())

    page.goto("/account/")
    page.get_by_role("link", name="Import from another app").click()
    page.get_by_label("File").set_input_files(
        {
            "name": "export_12345.zip",
            "mimeType": "application/zip",
            "buffer": strava_zip(three_strava_rows()),
        }
    )
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Reading the file")).to_be_visible()

    run_worker_once()  # the preview
    expect(page.get_by_role("heading", name="What the file holds")).to_be_visible()
    expect(page.locator("#job")).to_contain_text("3 sessions")
    surfing = page.get_by_label("Save Surfing as")
    expect(surfing).to_have_value("mixed")  # a type no table knows
    surfing.select_option("hiit")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Importing")).to_be_visible()
    expect(page.locator("#job").get_by_role("status")).to_contain_text("Waiting for its turn")
    assert not Session.objects.exists()

    run_worker_once()  # the import
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible()
    expect(page.locator("#job")).to_contain_text(
        "3 sessions and 0 check-ins imported, 0 skipped as already present, 0 rejected."
    )

    page.get_by_role("link", name="See your dashboard").click()
    feelings = page.locator("#feelings-pending")
    expect(feelings.locator(".count")).to_have_text("3")
    expect(feelings).to_contain_text("3 imported sessions have no feelings")
    feelings.locator(".feelings-rate > summary").click()
    # The mapping chosen in the preview holds: one HIIT session, two aerobic ones.
    expect(feelings.get_by_text("HIIT / intervals on")).to_have_count(1)
    expect(feelings.get_by_text("Aerobic (run, ride, swim, row) on")).to_have_count(2)
    feelings.get_by_text("HIIT / intervals on").click()
    feelings.get_by_label("Feeling before").first.select_option("-1")
    feelings.get_by_label("Feeling after").first.select_option("3")
    feelings.get_by_role("button", name="Save feelings").first.click()
    expect(page.locator("#feelings-pending .count")).to_have_text("2")
    assert Session.objects.get(source_id="1003").feeling_after == 3
    assert sorted(Session.objects.values_list("source_id", "activity")) == [
        ("1001", "aerobic"),
        ("1002", "aerobic"),
        ("1003", "hiit"),
    ]
