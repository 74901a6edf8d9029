"""Tags a person can believe, and words no stronger than the evidence (issue 13)."""

import datetime
import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.urls import reverse

from content.models import ChartPlacement, Effect, Reference, Section
from journal.dashboard import patterns
from journal.tagging import Pattern, progress_words
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def _between(content: str, start: str, end: str) -> str:
    i = content.index(start)
    return content[i : content.index(end, i)]


def _chip_texts(html: str) -> list[str]:
    """The visible words of each chip in a fragment, tags stripped."""
    chips = re.findall(r'<a class="chip[^"]*"[^>]*>(.*?)</a>', html, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", chip).split()) for chip in chips]


def test_a_session_row_shows_three_acute_chips_strongest_evidence_first(alice_client, alice):
    session = make_session(alice, activity="hiit", minutes=45, effort=8)
    acute = list(session.tags.filter(timescale="acute"))
    long_term = session.tags.filter(timescale="chronic").count()
    # The case the review saw: far too many chips for one session.
    assert len(acute) > 3
    assert long_term > 0

    content = alice_client.get(reverse("journal:session_list")).content.decode()
    row = _between(content, f'id="session-{session.pk}"', "</li>\n    \n  </ul>")
    in_view = _between(row, '<ul class="chips"', "</ul>")
    assert len(_chip_texts(in_view)) == 3
    assert f"<summary>+{len(acute) - 3} more<" in row
    assert f"Contributes to {long_term} long-term patterns" in row
    assert "How to read the tags" in row

    grades = {e.slug: e.evidence_grade for e in Effect.objects.all()}
    shown = re.findall(r'href="/learn/effects/([a-z0-9_]+)/"', in_view)
    folded = re.findall(
        r'href="/learn/effects/([a-z0-9_]+)/"', _between(row, "more<", "</details>")
    )
    assert max(grades[s] for s in shown) <= min(grades[s] for s in folded)


def test_the_chips_fold_inside_details_so_they_work_without_javascript(alice_client, alice):
    make_session(alice, activity="hiit", minutes=45, effort=8)
    content = alice_client.get(reverse("journal:session_list")).content.decode()
    assert content.count('<details class="chips-more">') == 2
    assert "<script" not in _between(content, 'class="tag-summary"', "How to read the tags")


def test_after_one_session_the_long_term_card_lists_nothing_below_halfway(alice_client, alice):
    alice.profile.sex = "male"
    alice.profile.save()
    make_session(alice, activity="aerobic", minutes=45, effort=5, date=alice.profile.today())
    make_session(alice, activity="resistance", minutes=45, effort=5, date=alice.profile.today())
    content = alice_client.get(reverse("journal:dashboard")).content.decode()
    card = _between(content, 'id="chronic"', "</section>")
    assert "not effects measured in your body" in card
    assert "Long-term patterns the article links to effects" in card
    # The card folds to one row; opened, it lists what is in view, then "show all".
    opened = card.split("</summary>", 1)[1]
    in_view = opened.split("<details", 1)[0]
    assert "building" not in in_view
    assert "Nothing is sustained yet, and no pattern is halfway built" in in_view
    folded = _between(opened, "<details", "</details>")
    assert "Show all" in folded
    assert "Testosterone (men)" in folded
    # Hormones: no progress figures, however far along.
    testosterone = _between(folded, "Testosterone (men)", "</li>")
    assert "weeks" not in testosterone
    assert "training more is not a way to raise hormones" in testosterone
    assert "talk to a clinician" in card.lower()


def _pattern(state, share, progress="words"):
    return Pattern(state, share, progress)


def test_the_card_lists_sustained_then_building_at_least_halfway_and_folds_the_rest():
    card = patterns.long_term_card(
        {
            "gaba": _pattern("building", 0.49),
            "bdnf": _pattern("building", 0.5),
            "serotonin": _pattern("building", 0.9),
            "dopamine": _pattern("sustained", 1.0),
            "testosterone": _pattern("building", 0.9),
            "rx_cb1": _pattern("lapsed", 0.6),
        }
    )
    assert [slug for slug, _ in card.headline] == ["dopamine", "serotonin", "bdnf"]
    assert {slug for slug, _ in card.rest} == {"gaba", "testosterone", "rx_cb1"}
    assert card.total == 6


def test_a_new_account_is_told_when_its_journal_starts_not_a_break(alice_client, alice):
    today = alice.profile.today()
    session = make_session(alice, activity="aerobic", minutes=45, effort=5, date=today)
    tag = session.tags.get(rule="insulin_sensitivity.chronic")
    assert "-day break" in tag.progress  # the stored tag stays as the rule says

    starts = f"your journal starts on {today.day} {today:%b}"
    page = alice_client.get(session.get_absolute_url()).content.decode()
    assert starts in page
    assert "-day break" not in page
    why = alice_client.get(
        reverse("journal:tag_why", args=[session.pk, "insulin_sensitivity.chronic"]),
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert starts in why
    assert "-day break" not in why


def test_a_real_break_inside_the_journal_is_still_called_a_break():
    words = "45 of 150 weekly cardio minutes; a 9-day break (2 days at most)"
    day = datetime.date(2026, 11, 25)
    long_ago = day - datetime.timedelta(days=200)
    assert progress_words(words, day, long_ago) == words
    recent = day - datetime.timedelta(days=5)
    assert progress_words(words, day, recent) == (
        "45 of 150 weekly cardio minutes; your journal starts on 20 Nov"
    )
    # The first day of the window itself is not "before" the journal.
    edge = day - datetime.timedelta(days=27)
    assert progress_words(words, day, edge) == words


def test_the_journal_starts_with_its_first_check_in_when_that_came_first(alice_client, alice):
    from tests.factories import make_checkin

    today = alice.profile.today()
    make_checkin(alice, date=today - datetime.timedelta(days=10))
    session = make_session(alice, activity="aerobic", minutes=45, effort=5, date=today)
    page = alice_client.get(session.get_absolute_url()).content.decode()
    started = today - datetime.timedelta(days=10)
    assert f"your journal starts on {started.day} {started:%b}" in page


def test_each_effect_has_direction_words_and_an_arrow_only_where_the_article_names_one():
    effects = {e.slug: e for e in Effect.objects.all()}
    assert all(e.change for e in effects.values())
    assert effects["anti_inflammatory"].arrow == "↓"
    assert effects["anti_inflammatory"].change == "inflammation lower"
    assert effects["hpa_recalibration"].arrow == ""
    assert effects["hpa_recalibration"].change == "stress response calmer"
    assert effects["ovarian_balance"].arrow == ""
    assert effects["ovarian_balance"].change == "oestrogen changed"
    assert effects["testosterone"].arrow == ""
    assert effects["catecholamines"].arrow == "↑"


def test_session_pages_show_the_direction_words_with_their_arrow(alice_client, alice):
    alice.profile.sex = "female"
    alice.profile.save()
    session = make_session(alice, activity="aerobic", minutes=45, effort=5)
    texts = _chip_texts(alice_client.get(session.get_absolute_url()).content.decode())
    assert "predicted: possibly ↓ inflammation lower building grade B" in texts
    # No arrow: "calmer" is the direction. "often": the article says it "tends to".
    assert "predicted: often stress response calmer building grade B" in texts
    assert "predicted: partly oestrogen changed building grade B" in texts
    assert "predicted: ↑ adrenaline higher this session grade A" in texts
    assert not any("↓ stress" in t or "↑ oestrogen" in t for t in texts)


def test_tagged_sessions_show_split_grades_in_words_and_every_badge_explains_its_letter(
    alice_client, alice
):
    session = make_session(alice, activity="aerobic", minutes=45, effort=5)
    page = alice_client.get(session.get_absolute_url()).content.decode()
    assert "Evidence: A for the rise in the blood, C for an effect in the brain" in page
    badges = re.findall(r'<span class="badge grade-[ABC]"[^>]*>(.*?)</span>', page)
    assert badges
    for badge in badges:
        assert re.fullmatch(r"Evidence [ABC]: [a-z].+|Evidence: [ABC] .+", badge), badge


def test_every_claim_on_a_section_page_is_attributed_to_the_article(client):
    for section in Section.objects.filter(effects__isnull=False).distinct():
        page = client.get(section.get_absolute_url()).content.decode()
        listed = _between(page, 'id="effects-title"', "</section>")
        assert listed.count("<li>") == section.effects.count()
        assert listed.count("The article claims:") == section.effects.count()


def test_the_effect_page_words_the_claim_strength_in_plain_language(client):
    page = client.get(reverse("content:effect", args=["irisin"])).content.decode()
    assert "said to be implicated" not in page
    assert "The article only says it may play a part" in page
    assert "Tagged on a single session" in page
    assert "Keep in mind" in page


PLACEHOLDER_AUTHORS = re.compile(r"\bauthors\b|^\s*$|unknown|anonymous", re.I)
TRUNCATED = re.compile(r"…|\.\.\.")


def test_no_reference_has_a_placeholder_author_a_cut_title_or_no_attachment():
    """Without exceptions (issue 21): HEL22, whose authors could not be named, is retired."""
    unattached, placeholders, truncated = [], [], []
    roles = ("effects", "sections", "threshold_for_effects", "threshold_for_sections")
    for ref in Reference.objects.prefetch_related(*roles):
        if not any(getattr(ref, role).exists() for role in roles):
            unattached.append(ref.key)
        if PLACEHOLDER_AUTHORS.search(ref.authors):
            placeholders.append(ref.key)
        if TRUNCATED.search(ref.title):
            truncated.append(ref.key)
    assert Reference.objects.count() == 70
    assert (unattached, placeholders, truncated) == ([], [], [])
    assert Reference.objects.get(key="FGF24").authors == "Liu C et al."
    assert Reference.objects.get(key="NLM08").authors == "Chen HI et al."


def test_references_whose_link_leads_elsewhere_say_so(client):
    for key in ["SM85", "ACSM18"]:
        assert Reference.objects.get(key=key).link_note
    page = client.get(Section.objects.get(slug="reading-the-tags").get_absolute_url())
    assert b"2024 validation study of the arousal scale" in page.content


def test_each_chart_sits_beside_the_section_that_explains_it():
    beside = dict(ChartPlacement.objects.values_list("chart_key", "section__slug"))
    assert beside["training-load"] == "what-movement-does"
    assert beside["outcomes-by-activity"] == "neurotransmitters"
    assert beside["effects-timeline"] == "reading-the-tags"
    body = Section.objects.get(slug="what-movement-does").body
    assert "Monotony" in body
    assert "strain" in body


def test_the_honest_words_migration_leaves_staff_edits_alone_and_applies_once():
    migration = importlib.import_module("content.migrations.0004_honest_words")
    irisin = Effect.objects.get(slug="irisin")
    irisin.benefit = "Rewritten by staff."
    irisin.save()
    section = Section.objects.get(slug="reading-the-tags")
    before = section.body
    migration.correct(apps, None)
    migration.correct(apps, None)
    irisin.refresh_from_db()
    section.refresh_from_db()
    assert irisin.benefit == "Rewritten by staff."
    assert section.body == before
    assert section.body.count("**How a session's intensity is worked out.**") == 1

    # Going back restores a seeded sentence only where the corrected one still stands.
    migration.restore(apps, None)
    section.refresh_from_db()
    assert "IL-6 and FGF21 rise after a session" in section.body
    assert Effect.objects.get(slug="irisin").benefit == "Rewritten by staff."
    migration.correct(apps, None)


def _later(slug_or_key, field_or_none, text):
    """A 0004 correction as 0009 (issue 21) corrected it further."""
    later = importlib.import_module("content.migrations.0009_evidence_and_thresholds")
    if field_or_none is None:
        for slug, left, corrected in later.BODY:
            if slug == slug_or_key:
                text = text.replace(left, corrected)
        return text
    left, corrected = later.REFERENCES.get(slug_or_key, {}).get(field_or_none, (None, None))
    return corrected if text == left else text


def test_no_seeded_over_statement_survives_the_migrations():
    migration = importlib.import_module("content.migrations.0004_honest_words")
    bodies = {s.slug: s.body for s in Section.objects.all()}
    for slug, seeded, corrected in migration.BODY:
        assert _later(slug, None, corrected) in bodies[slug]
        if seeded not in corrected:
            assert seeded not in bodies[slug]
    for model, lookup, key, field, _seeded, corrected in migration.FIELDS:
        obj = apps.get_model("content", model).objects.get(**{lookup: key})
        value = getattr(obj, field)
        expected = _later(key, field, corrected) if model == "Reference" else corrected
        assert (value.slug if field == "section" else value) == expected


def test_chips_order_puts_split_grades_after_plain_ones_of_their_letter():
    tags = [SimpleNamespace(effect=slug, timescale="acute") for slug in ["il6", "c1", "bdnf"]]
    order = {
        "il6": patterns.evidence_order("A", True, 10),
        "bdnf": patterns.evidence_order("A", False, 20),
        "c1": patterns.evidence_order("C", False, 1),
    }
    chips = patterns.session_chips(tags, order, visible=2)
    assert [t.effect for t in chips.shown] == ["bdnf", "il6"]
    assert [t.effect for t in chips.more] == ["c1"]
