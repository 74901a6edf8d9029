"""What the Insights page says under insights.md version 2 (section 5): one comparison for
claims on the same evidence, one progress list of the claims still waiting, the one tap that
adds a check-in item, the caveats on the dashboard card and the Learn pages, the demo."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from journal.core.services import profile_for, retag
from journal.insights import queries
from journal.insights.analysis import CLAIMS
from journal.models import Session
from tests.factories import make_checkin

pytestmark = pytest.mark.django_db

KEEP = "journal:insights_keep_item"


def same_sessions_journal(user, hard=8, easy=12):
    """Long moderate runs (tagged endorphins, endocannabinoids and serotonin, all three)
    that lift the feeling by 3 or 4, easy 20-minute walks (none of them) that lift it by
    0 or 1; a check-in every day with mood only."""
    today = profile_for(user).today()
    Session.objects.bulk_create(
        Session(
            owner=user,
            date=today - timedelta(days=n),
            activity="aerobic" if n <= hard else "walking",
            # Two-hour moderate runs: serotonin is moderate only since rules version 2
            # (effect-rules.md 0.5), and two hours of running also earn endorphins.
            minutes=120 if n <= hard else 20,
            effort=4 if n <= hard else 1,
            feeling_before=0,
            feeling_after=(3 if n <= hard else 0) + n % 2,
        )
        for n in range(1, hard + easy + 1)
    )
    for n in range(0, hard + easy + 1):
        make_checkin(user, date=today - timedelta(days=n), mood=1 + n % 5)
    retag(user)


def between(content: str, start: str, end: str) -> str:
    i = content.index(start)
    return content[i : content.index(end, i)]


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_claims_on_the_same_sessions_are_shown_as_one_comparison(alice_client, alice):
    same_sessions_journal(alice)
    report = queries.insight_report(alice, profile_for(alice), "all")
    by_key = {r.claim.key: r for r in report.results}
    assert set(by_key["feeling-endorphins"].same_evidence_as) == {
        "feeling-endocannabinoids",
        "feeling-serotonin",
    }
    content = alice_client.get(reverse("journal:insights")).content.decode()
    comparison = between(content, '<section class="card insight-comparison"', "</section>")
    for key in ("feeling-endorphins", "feeling-endocannabinoids", "feeling-serotonin"):
        assert f'id="claim-{key}"' in comparison
    assert "One comparison, not 3 confirmations." in text(comparison)
    # Moderate runs earn no GABA tag (vigorous or yoga only), so the sleep claim the day
    # after stands alone: the feeling claims are the one comparison.
    assert content.count('class="card insight-comparison"') == 1
    overview = text(between(content, 'class="muted insight-overview"', "</p>"))
    assert "making" in overview  # fewer comparisons than claims with a verdict


def test_the_claims_still_waiting_are_one_progress_list(alice_client, alice):
    same_sessions_journal(alice)
    content = alice_client.get(reverse("journal:insights")).content.decode()
    waiting = between(content, 'id="insights-waiting"', "</section>")
    waiting_keys = {c.key for c in CLAIMS} - {
        r.claim.key
        for r in queries.insight_report(alice, profile_for(alice), "all").results
        if r.figures
    }
    assert waiting_keys  # anxiety, focus ... are not kept
    for key in waiting_keys:
        assert f'id="claim-{key}"' in waiting
        assert f'id="claim-{key}"' not in content.replace(waiting, "")
    assert waiting.count("Still needed:") == len(waiting_keys)
    assert "<progress" in waiting
    # No claim card without a verdict outside the list.
    assert "verdict-not_enough_data" not in content


def test_the_page_counts_the_claims_waiting_on_items_not_kept(alice_client, alice):
    same_sessions_journal(alice)
    content = text(alice_client.get(reverse("journal:insights")).content.decode())
    # anxiety (3 claims), focus, energy, stress and motivation (1 each): none is kept.
    assert (
        "7 claims wait on anxiety and energy and focus and motivation and stress, which "
        "your check-in does not ask about"
    ) in content
    assert content.count("Add anxiety to my check-in") == 3


def test_one_tap_adds_the_item_with_htmx_and_the_claims_come_back(alice_client, alice, bob):
    same_sessions_journal(alice)
    response = alice_client.post(
        reverse(KEEP), {"item": "anxiety", "range": "3m"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<section id="insights-claims"')
    assert "Anxiety is now in your daily check-in" in body
    assert 'aria-current="true" class="range-current">3 months' in body
    assert "Add anxiety to my check-in" not in body
    assert "4 claims wait on" in text(body)
    profile_for(alice).refresh_from_db()
    assert profile_for(alice).checkin_items == ["anxiety"]
    assert profile_for(bob).checkin_items == []  # someone else's check-in is untouched
    # The page itself is fresh too (the write moved the journal version on).
    page = alice_client.get(reverse("journal:insights")).content.decode()
    assert "Add anxiety to my check-in" not in page
    assert "Add focus to my check-in" in page


def test_one_tap_without_javascript_posts_and_comes_back(alice_client, alice):
    alice.profile.checkin_items = ["stress"]
    alice.profile.save()
    response = alice_client.post(reverse(KEEP), {"item": "focus", "range": "1y"}, follow=True)
    assert (
        response.redirect_chain[-1][0] == reverse("journal:insights") + "?range=1y#insights-waiting"
    )
    assert "Focus is now in your daily check-in" in response.content.decode()
    alice.profile.refresh_from_db()
    assert alice.profile.checkin_items == ["focus", "stress"]  # in the form's order
    # The check-in form asks for it now.
    dashboard = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert re.search(r'name="[a-z]+-focus"', dashboard)
    again = alice_client.post(reverse(KEEP), {"item": "focus"}, follow=True)
    assert "Focus is already in your daily check-in" in again.content.decode()


@pytest.mark.parametrize("item", ["", "mood", "focus'; drop", "x" * 5000])
def test_an_unknown_item_changes_nothing_and_says_so(alice_client, alice, item):
    response = alice_client.post(reverse(KEEP), {"item": item}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "not one of the check-in items, so nothing was changed" in response.content.decode()
    plain = alice_client.post(reverse(KEEP), {"item": item, "range": "10y"}, follow=True)
    assert plain.status_code == 200
    assert plain.redirect_chain[-1][0].startswith(reverse("journal:insights") + "?range=all")
    alice.profile.refresh_from_db()
    assert alice.profile.checkin_items == []


def test_the_tap_needs_a_login_and_a_post(client, alice):
    response = client.post(reverse(KEEP), {"item": "focus"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(alice)
    assert client.get(reverse(KEEP), {"item": "focus"}).status_code == 405
    alice.profile.refresh_from_db()
    assert alice.profile.checkin_items == []


def test_the_verdicts_say_what_was_measured_and_when_they_are_tentative(alice_client, alice):
    same_sessions_journal(alice, hard=6, easy=6)
    content = text(alice_client.get(reverse("journal:insights")).content.decode())
    assert "Your ratings moved the way the article predicts." in content
    assert "it does not measure endorphins" in content
    # Six sessions a side: clear, but under the ten a side that firm needs.
    assert "Tentative:" in content
    assert "one side has fewer than 10 sessions" in content
    assert "Change in feeling over the session: about 3.0 points larger" in content
    assert "talk to a clinician" in content


def test_the_dashboard_card_and_learn_page_give_n_units_caveats_and_verdict_words(
    alice_client, alice
):
    same_sessions_journal(alice)
    card = text(alice_client.get(reverse("journal:insights_card")).content.decode())
    learn = text(alice_client.get(reverse("content:effect", args=["endorphins"])).content.decode())
    assert "Change in feeling in sessions tagged Endorphins" in card
    for shown in (card, learn):
        assert "your ratings moved the way the article predicts" in shown
        assert "it does not measure endorphins" in shown
        assert "points on the −5 to +5 feeling scale" in shown
        assert "n = 8 sessions with, 12 without" in shown
        assert "Many tests:" in shown
        assert "Neighbouring days are alike" in shown


def test_the_demo_journal_shows_a_mix_of_verdicts(django_user_model):
    call_command("seed_demo", "--user", "demo", "--years", "1", verbosity=0)
    demo = django_user_model.objects.get(username="demo")
    results = queries.insight_report(demo, profile_for(demo), "all").results
    verdicts = {r.verdict for r in results}
    assert {"consistent", "unclear", "not_enough_data"} <= verdicts
    assert any(r.firm for r in results)
    # The demo keeps no focus item: the page offers to add it.
    assert any(r.claim.outcome == "focus" and r.figures is None for r in results)
