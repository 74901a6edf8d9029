"""The Insights page, its dashboard card, the Learn pages' "Your data" and the command."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from journal.core.services import profile_for, retag
from journal.insights.analysis import CLAIMS
from journal.models import Session
from tests.factories import make_checkin, make_history, make_session

pytestmark = pytest.mark.django_db

SECTION_6_KEYS = [
    "key", "effect", "kind", "outcome", "direction", "n_with", "n_without", "mean_with",
    "mean_without", "difference", "se", "df", "rho_exposure", "rho_outcome", "design_factor",
    "se_adj", "df_adj", "ci_low", "ci_high", "p_value", "q_value", "hedges_g", "verdict",
    "firm", "same_evidence_as",
]  # fmt: skip


def small_journal(user, days=20):
    """Alternate days: a hard 20-minute run (endorphins, catecholamines, GABA...) that lifts
    the feeling by 3, and an easy 20-minute walk (no tags) that lifts it by 1; a check-in
    every day with sleep and anxiety."""
    today = profile_for(user).today()
    Session.objects.bulk_create(
        Session(
            owner=user,
            date=today - timedelta(days=n),
            activity="aerobic" if n % 2 else "walking",
            minutes=20,
            effort=6 if n % 2 else 1,
            feeling_before=0,
            feeling_after=(3 if n % 2 else 1) + n % 3 - 1,
            arousal_before=3,
            arousal_after=5 if n % 2 else 3,
        )
        for n in range(1, days + 1)
    )
    for n in range(0, days + 1):
        make_checkin(user, date=today - timedelta(days=n), sleep_quality=5 + n % 3, anxiety=2)
    retag(user)


def command_json(user, *extra) -> dict:
    out = StringIO()
    call_command("insights", "--user", user, "--format", "json", *extra, stdout=out)
    return json.loads(out.getvalue())


def claim(doc, key) -> dict:
    return next(c for c in doc["claims"] if c["key"] == key)


def test_the_command_prints_section_6_for_every_claim_in_order(alice):
    small_journal(alice)
    doc = command_json("alice")
    assert doc["version"] == 2
    assert doc["range"] == "all"
    assert [c["key"] for c in doc["claims"]] == [c.key for c in CLAIMS]
    assert all(list(c) == SECTION_6_KEYS for c in doc["claims"])
    feeling = claim(doc, "feeling-endorphins")
    assert (feeling["n_with"], feeling["n_without"]) == (10, 10)
    # +3 vs +1; the noise (n % 3 - 1) averages 0 on the run days and +0.1 on the walk days.
    assert feeling["difference"] == pytest.approx(1.9)
    assert feeling["verdict"] == "consistent"
    # Nothing records focus: not computed, and null in the output.
    focus = claim(doc, "focus-bdnf")
    assert focus["verdict"] == "not_enough_data"
    assert focus["difference"] is None
    assert focus["hedges_g"] is None


def test_a_chronic_claim_counts_a_rest_day_while_the_pattern_holds(alice):
    """Four weeks of three 60-minute runs a week (REGULAR_MOD holds from the third week),
    and a check-in on every day, runs or not: the rest days count as "with" too."""
    today = profile_for(alice).today()
    run_days = {n for week in range(4) for n in (7 * week + 1, 7 * week + 3, 7 * week + 5)}
    Session.objects.bulk_create(
        Session(
            owner=alice,
            date=today - timedelta(days=n),
            activity="aerobic",
            minutes=60,
            effort=4,
            feeling_before=0,
            feeling_after=1,
        )
        for n in run_days
    )
    for n in range(0, 28):
        make_checkin(alice, date=today - timedelta(days=n), stress=2 if n < 6 else 4)
    retag(alice)
    stress = claim(command_json("alice"), "stress-hpa")
    # It holds from 5 days ago to today (10+ runs, 600+ minutes, in W28), rest days 0, 2
    # and 4 days ago included; 6 days ago only 9 runs are left in the window.
    assert stress["n_with"] == 6
    assert stress["n_with"] + stress["n_without"] == 28
    assert stress["verdict"] == "consistent"  # lower stress while it holds: predicted "down"


def test_the_range_limits_the_units(alice):
    small_journal(alice)
    doc = command_json("alice", "--range", "4w")
    assert doc["range"] == "4w"
    assert claim(doc, "feeling-endorphins")["n_with"] == 10
    make_history(alice, 5, start=profile_for(alice).today() - timedelta(days=200))
    retag(alice)
    alice.profile.refresh_from_db()
    everything = claim(command_json("alice", "--range", "all"), "feeling-endorphins")
    assert everything["n_with"] + everything["n_without"] > 20


def test_the_text_table_reads_like_a_table(alice):
    small_journal(alice)
    out = StringIO()
    call_command("insights", "--user", "alice", "--format", "text", stdout=out)
    text = out.getvalue()
    lines = text.splitlines()
    # A legend of the verdicts first, then the table, then the caveats as a footer.
    legend = lines.index("Verdicts (from the 95% interval, widened for neighbouring days):")
    header = next(i for i, line in enumerate(lines) if line.startswith("claim "))
    footer = lines.index("Caveats:")
    assert legend < header < footer
    for word in ("consistent", "opposite", "unclear", "not_enough_data", "firm"):
        assert any(line.strip().startswith(word) for line in lines[legend:header])
    assert lines[header].split()[:4] == ["claim", "with", "without", "difference"]
    row = next(line for line in lines if line.startswith("feeling-endorphins"))
    # Each row says what its units are: sessions or days, and the outcome's scale.
    assert row.split()[1:6] == ["10", "sessions", "10", "sessions", "+1.90"]
    assert "points, feeling −5 to +5" in row
    assert "points, sleep 0 to 10" in next(li for li in lines if li.startswith("sleep-gaba "))
    assert " days " in next(li for li in lines if li.startswith("sleep-gaba "))
    assert row.rstrip().endswith("consistent") or row.rstrip().endswith("consistent, firm")
    after = "\n".join(lines[footer:])
    assert "Many tests" in after
    assert "Neighbouring days are alike" in after


def test_the_command_refuses_an_unknown_user_and_range(alice):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("insights", "--user", "nobody", "--format", "json")
    with pytest.raises(CommandError):
        call_command("insights", "--user", "alice", "--range", "10y")


def test_the_command_and_page_show_only_the_owners_journal(alice, bob, client):
    small_journal(alice)
    make_checkin(bob, sleep_quality=1)
    bobs = command_json("bob")
    assert all(c["n_with"] == 0 for c in bobs["claims"])
    assert claim(bobs, "sleep-gaba")["n_without"] <= 1
    client.force_login(bob)
    content = client.get(reverse("journal:insights")).content.decode()
    assert "n = 10" not in content
    client.force_login(alice)
    assert "n = 10" in client.get(reverse("journal:insights")).content.decode()


def test_the_page_sets_each_claim_beside_its_effect_section_and_grade(alice_client, alice):
    small_journal(alice)
    response = alice_client.get(reverse("journal:insights"))
    content = response.content.decode()
    assert response.status_code == 200
    for c in CLAIMS:
        assert f'id="claim-{c.key}"' in content
        assert reverse("content:effect", args=[c.effect]) in content
    assert content.count('class="badge grade-') >= 16  # every claim shows its grade badge
    assert "Your data agree with the article" not in content  # a rating is not a chemical
    assert "Your ratings moved the way the article predicts" in content
    assert "it does not measure endorphins" in content
    # One chart (with its data and a text alternative) per claim that has figures.
    charts = content.count("data-insight-chart=")
    assert charts == content.count('type="application/json"') > 0
    assert "95% interval" in content
    assert "A link, not a cause" in content
    assert "about one in twenty can come out clear by chance" in content
    assert "talk to a clinician" in content


def test_not_enough_data_names_what_is_missing(alice_client, alice):
    small_journal(alice, days=4)  # runs on days 1 and 3 only
    content = alice_client.get(reverse("journal:insights")).content.decode()
    assert "1 more session with the Endorphins tag" in content
    assert "1 more session without the Endorphins tag" in content
    # No check-in records focus: both sides are missing, and both are named.
    assert (
        "3 more days with a session tagged BDNF, followed by a check-in that records focus and "
        "3 more days without a BDNF session, followed by a check-in that records focus"
    ) in content
    assert "3 more check-ins recording anxiety on days the regular" in content


def test_a_person_with_no_data_is_told_what_to_log_first(alice_client):
    content = alice_client.get(reverse("journal:insights")).content.decode()
    assert "Nothing to compare yet" in content
    assert reverse("journal:session_new") in content
    assert "data-insight-chart" not in content


def test_the_range_control_swaps_the_claims_with_htmx(alice_client, alice):
    small_journal(alice)
    response = alice_client.get(
        reverse("journal:insights"), {"range": "4w"}, HTTP_HX_REQUEST="true"
    )
    assert b"<html" not in response.content
    assert b'aria-current="true" class="range-current">4 weeks' in response.content
    assert b'hx-push-url="?range=1y"' in response.content
    page = alice_client.get(reverse("journal:insights"), {"range": "nonsense"})
    assert b'aria-current="true" class="range-current">All' in page.content


def test_the_page_and_its_htmx_fragment_are_cached_apart(alice_client, alice):
    small_journal(alice)
    url = reverse("journal:insights")
    for _ in range(2):  # the second round is served from the cache
        page = alice_client.get(url, {"range": "4w"})
        fragment = alice_client.get(url, {"range": "4w"}, HTTP_HX_REQUEST="true")
        assert b"<html" in page.content
        assert b"<html" not in fragment.content
        assert b'id="insights-claims"' in fragment.content
        assert page["Vary"] == fragment["Vary"]
        assert "HX-Request" in page["Vary"]
        assert b"placeholder" not in page.content + fragment.content


@pytest.mark.parametrize("sessions", [0, 100, 5000])
def test_the_page_runs_a_fixed_number_of_queries(
    alice_client, alice, sessions, django_assert_num_queries
):
    make_history(alice, sessions)
    today = profile_for(alice).today()
    for days_ago in range(1, min(sessions, 400)):
        make_checkin(alice, date=today - timedelta(days=days_ago), mood=1 + days_ago % 5)
    retag(alice)
    # session, user, profile, the content's version (with the journal version, it names
    # the cached page), the journal's first entry (where "all" starts), the stamps of its
    # blocks of weeks, for the blocks not cached (here all of them) the sessions with their
    # tags and the check-ins, the effects, and, once there are claims to show, the person's
    # experiments ("test it with an experiment").
    with django_assert_num_queries(9 if sessions == 0 else 10):
        response = alice_client.get(reverse("journal:insights"))
    assert response.status_code == 200
    # A second read is the cached page: the reads that rendered it are gone.
    with django_assert_num_queries(4):
        alice_client.get(reverse("journal:insights"))
    # After a session logged today, the blocks of weeks before today's come from the cache
    # (their stamps did not move), and so do the effects (the content did not change): the
    # same four, the first entry, the stamps, today's block's sessions and check-ins, and
    # the experiments, whatever the history.
    make_session(alice, date=today, activity="walking", minutes=20)
    with django_assert_num_queries(9):
        alice_client.get(reverse("journal:insights"))


def test_the_dashboard_card_lists_only_claims_with_a_verdict(alice_client, alice):
    small_journal(alice)
    dashboard = alice_client.get(reverse("journal:dashboard")).content.decode()
    assert f'hx-get="{reverse("journal:insights_card")}"' in dashboard
    assert 'hx-trigger="toggle once"' in dashboard  # loaded when first opened
    assert "Change in feeling in sessions tagged Endorphins" not in dashboard
    card = alice_client.get(reverse("journal:insights_card")).content.decode()
    assert "Change in feeling in sessions tagged Endorphins" in card
    assert "Focus" not in card  # not enough data: left off the card
    assert "hx-get" not in card  # only the claims, swapped into the open card


def test_the_learn_page_shows_your_data_only_when_logged_in(client, alice):
    small_journal(alice)
    url = reverse("content:effect", args=["endorphins"])
    assert b"Your data" not in client.get(url).content
    client.force_login(alice)
    content = client.get(url).content.decode()
    assert "Your data" in content
    assert "Change in feeling in sessions tagged Endorphins" in content
    assert "Mood the morning after a session tagged Endorphins" in content
    other = client.get(reverse("content:effect", args=["irisin"])).content.decode()
    assert "None of the claims a journal can check is about this effect" in other


def test_insights_need_a_login(client):
    for name in ["journal:insights", "journal:insights_card"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
