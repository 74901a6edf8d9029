"""The Account page's tokens and the API's interactive page, in Chromium on a phone screen,
under the app's strict Content-Security-Policy (a violation fails the test)."""

from playwright.sync_api import expect

from journal.api.models import ApiToken
from tests.browser.test_logging import log_in


def test_make_a_token_see_it_once_and_revoke_it(page, alice):
    log_in(page, alice)
    page.goto("/account/")
    page.get_by_label("Name of the new token").fill("iPhone shortcut")
    page.get_by_role("button", name="Make a token").click()
    shown = page.get_by_label("The new token", exact=True)
    expect(shown).to_be_visible()
    token = shown.input_value()
    assert token.startswith(ApiToken.objects.get(owner=alice).prefix)

    page.goto("/account/")
    expect(page.locator(".token-list")).to_contain_text("iPhone shortcut")
    assert token not in page.content()
    page.get_by_role("button", name="Revoke the token iPhone shortcut").click()
    expect(page.get_by_text("Token revoked")).to_be_visible()
    expect(page.get_by_text("No tokens yet.")).to_be_visible()
    assert not ApiToken.objects.exists()


def test_the_api_reference_page_works_from_our_own_static_files(page, live_server):
    outside = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else outside.append(request.url)
        ),
    )
    page.goto("/api/v1/docs")
    expect(page.get_by_role("heading", name="Movement Journal API")).to_be_visible()
    expect(page.get_by_text("/api/v1/sessions/{session_id}").first).to_be_visible()
    assert outside == []  # no CDN: every file came from this server
