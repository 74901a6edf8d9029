"""A prediction never reads as a measurement (issue 21): chips and long-term lines say
"predicted", carry the article's hedge and the grade, grade C shows no progress counter,
minutes are whole, and references are split into evidence and threshold sources."""

import re

import pytest
from django.urls import reverse

from content.models import Effect, Reference, Section
from journal.dashboard import patterns
from tests.factories import make_session

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="chip[^"]*"[^>]*>(.*?)</a>', re.S)
LONG_TERM_ITEM = re.compile(r'<li class="long-term-item[^"]*">(.*?)</li>', re.S)
DECIMAL_MINUTES = re.compile(r"\d+\.\d+ (?:of \d+ )?weekly|\d+\.\d+ min")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _chips(html: str) -> list[str]:
    return [_text(chip) for chip in CHIP.findall(html)]


def _grades() -> dict[str, str]:
    return dict(Effect.objects.values_list("slug", "evidence_grade"))


def _slug(chip_html: str) -> str:
    return re.search(r'href="/learn/effects/([a-z0-9_]+)/"', chip_html).group(1)


def _assert_honest_chips(html: str) -> None:
    grades = _grades()
    raw = re.findall(r'<a class="chip[^"]*"[^>]*>.*?</a>', html, re.S)
    assert raw
    for chip in raw:
        text, slug = _text(chip), _slug(chip)
        assert text.startswith("predicted:"), text
        assert text.endswith(f"grade {grades[slug]}"), text
        assert f"chip-grade-{grades[slug]}" in chip
        if grades[slug] == "C":
            assert "building" not in text, text
            assert "sustained" not in text, text


def test_every_chip_on_the_session_list_says_predicted_and_carries_its_grade(alice_client, alice):
    make_session(alice, activity="hiit", minutes=45, effort=8)
    make_session(alice, activity="aerobic", minutes=35, effort=5)
    page = alice_client.get(reverse("journal:session_list")).content.decode()
    _assert_honest_chips(page)
    # Explained once per page, not once per row.
    assert page.count('id="chips-legend"') == 1
    assert "Understanding Movement’s Internal Dialogue" in page
    assert not DECIMAL_MINUTES.search(_text(page))


def test_chips_word_the_article_hedge_not_the_same_plain_words_for_every_claim(alice_client, alice):
    alice.profile.sex = "female"
    alice.profile.save()
    session = make_session(alice, activity="hiit", minutes=45, effort=8)
    texts = _chips(alice_client.get(session.get_absolute_url()).content.decode())
    # asserted: no hedge; can: "possibly"; table only: "perhaps"; tends to: "often".
    assert "predicted: ↑ adrenaline higher this session grade A" in texts
    assert "predicted: possibly ↑ dopamine higher this session grade C" in texts
    assert "predicted: perhaps ↑ growth hormone briefly higher this session grade A" in texts
    assert "predicted: often stress response calmer pattern not present yet grade B" not in texts
    assert any(t.startswith("predicted: often stress response calmer") for t in texts)


def test_the_session_page_shows_no_progress_counter_for_grade_c_patterns(alice_client, alice):
    session = make_session(alice, activity="aerobic", minutes=45, effort=4)
    page = alice_client.get(session.get_absolute_url()).content.decode()
    _assert_honest_chips(page)
    grades = _grades()
    # Each tag's entry is <li id="tag-{rule|slugify}">: "rx_cb1.chronic" reads rx_cb1chronic.
    entries = re.findall(r'<li id="tag-([a-z0-9_]+)chronic">(.*?)</li>', page, re.S)
    assert entries
    quiet = [(slug, body) for slug, body in entries if grades[slug] == "C"]
    assert quiet, "the session should contribute to some grade C pattern"
    for slug, body in quiet:
        text = _text(body)
        assert not re.search(r"\d+ of \d+", text), (slug, text)
        assert "pattern not present yet" in text
    # A grade A pattern still shows its progress, in whole minutes.
    insulin = dict(entries)["insulin_sensitivity"]
    assert re.search(r"\b\d+ of 150 weekly cardio minutes", _text(insulin))
    assert not DECIMAL_MINUTES.search(_text(page))


def test_a_grade_c_why_reads_without_a_week_counter(alice_client, alice):
    session = make_session(alice, activity="aerobic", minutes=45, effort=4)
    why = alice_client.get(
        reverse("journal:tag_why", args=[session.pk, "rx_cb1.chronic"]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert not re.search(r"\d+ of \d+ (weeks|days)", _text(why))


def test_after_one_35_minute_run_the_long_term_card_is_honest(alice_client, alice):
    """The review's new user: one 35-minute run gave "17.5 of 150 weekly cardio minutes"."""
    make_session(alice, activity="aerobic", minutes=35, effort=5, date=alice.profile.today())
    page = alice_client.get(reverse("journal:dashboard")).content.decode()
    card = page[page.index('id="chronic"') : page.index("</section>", page.index('id="chronic"'))]
    items = LONG_TERM_ITEM.findall(card)
    assert items
    grades = _grades()
    names = dict(Effect.objects.values_list("name", "slug"))
    for item in items:
        text = _text(item)
        slug = names[re.match(r"(.+?) \(\s*predicted", text).group(1)]
        assert "predicted:" in text, text
        assert f"grade {grades[slug]}" in text, text
        if grades[slug] == "C":
            assert not re.search(r"\d+ of \d+", text), text
            assert "pattern" in text, text
            assert "building" not in text, text
    card_text = _text(card)
    assert "17 of 150 weekly cardio minutes" in card_text
    assert "17.5" not in card_text
    assert not DECIMAL_MINUTES.search(card_text)
    assert card.count('id="chips-legend"') == 1


def test_grade_c_building_patterns_never_make_the_headline():
    card = patterns.long_term_card(
        {
            "rx_cb1": patterns_pattern("building", 0.9),
            "bdnf": patterns_pattern("building", 0.9),
        },
        {
            "rx_cb1": patterns.evidence_order("C", False, 1),
            "bdnf": patterns.evidence_order("A", False, 2),
        },
    )
    assert [slug for slug, _ in card.headline] == ["bdnf"]
    assert [slug for slug, _ in card.rest] == ["rx_cb1"]


def patterns_pattern(state, share):
    from journal.tagging import Pattern

    return Pattern(state, share, "words")


def test_every_hedge_is_no_stronger_than_its_article_wording():
    assert patterns.hedge("asserted") == ""
    assert patterns.hedge("tends to") == "often"
    assert patterns.hedge("can") == patterns.hedge("can support") == "possibly"
    assert patterns.hedge("contribute to") == "partly"
    assert patterns.hedge("table only") == "perhaps"
    assert patterns.hedge("something new") == patterns.UNKNOWN_HEDGE != ""
    assert patterns.when_words("chronic", "building", "C") == "pattern not present yet"
    assert patterns.when_words("chronic", "sustained", "C") == "pattern present"
    assert patterns.when_words("chronic", "building", "B") == "building"
    assert patterns.when_words("acute", "acute", "C") == "this session"


# --- references --------------------------------------------------------------------------

STANDARDS = {"WHO20", "PAG18", "ACSM11", "ACSM18", "COL16", "CPA24", "TAN01", "COA23"}


def test_standards_are_threshold_sources_never_evidence_for_an_effect():
    for effect in Effect.objects.prefetch_related("references"):
        cited = {ref.key for ref in effect.references.all()}
        assert not cited & STANDARDS, (effect.slug, cited & STANDARDS)
    thresholds = {
        slug: set(Effect.objects.get(slug=slug).threshold_references.values_list("key", flat=True))
        for slug in ["serotonin", "gaba", "hpa_recalibration", "insulin_sensitivity"]
    }
    assert thresholds["serotonin"] == {"PAG18", "ACSM11"}
    assert thresholds["gaba"] == {"PAG18", "WHO20"}
    assert thresholds["hpa_recalibration"] == {"PAG18", "WHO20"}
    assert thresholds["insulin_sensitivity"] == {"PAG18", "COL16"}


def test_references_are_re_attached_where_the_review_said():
    def evidence(slug):
        return set(Effect.objects.get(slug=slug).references.values_list("key", flat=True))

    assert "SIE23" in evidence("endocannabinoids")
    assert "WES10" in evidence("growth_hormone")
    assert "DIS97" in evidence("serotonin")
    assert not Reference.objects.filter(key="HEL22").exists()
    tags = Section.objects.get(slug="reading-the-tags")
    assert tags.threshold_references.filter(key="ACSM11").exists()
    dishman = Reference.objects.get(key="DIS97")
    assert (dishman.year, dishman.volume_pages) == (1997, "29:63–74")


def test_references_carry_full_titles_volume_pages_and_links():
    saa18 = Reference.objects.get(key="SAA18")
    assert (
        saa18.title
        == "Opioid release after high-intensity interval training in healthy human subjects"
    )
    assert saa18.volume_pages == "43:246–254"
    # Volume and pages everywhere but a book, a web guideline and FRI15 (not found in the
    # stored corpora); a link everywhere but the eight the corpora gave none for (listed in
    # the issue note). A test of the data as the migrations leave it.
    without = set(Reference.objects.filter(volume_pages="").values_list("key", flat=True))
    assert without == {"ACSM18", "PAG18", "FRI15"}
    unlinked = {ref.key for ref in Reference.objects.all() if not ref.link}
    assert unlinked == {
        "TAN01",
        "FOS01",
        "GOM11",
        "HIL08",
        "PRI99",
        "MCC99",
        "FRI15",
        "ALB20",
    }


def test_the_effect_page_lists_evidence_apart_from_threshold_sources(client):
    page = client.get(reverse("content:effect", args=["serotonin"])).content.decode()
    evidence = page[
        page.index("Evidence for the claim") : page.index("Where the thresholds come from")
    ]
    thresholds = page[page.index("Where the thresholds come from") :]
    assert "Young SN" in evidence
    assert "Dishman RK" in evidence
    assert "Garber CE" not in evidence
    assert "Garber CE" in thresholds
    assert "43:1334–1359" in thresholds


def test_the_glossary_explains_the_jargon_and_the_pages_link_to_it(client, alice_client, alice):
    glossary = client.get(reverse("content:glossary"))
    assert glossary.status_code == 200
    text = glossary.content.decode()
    for term in [
        "BDNF",
        "IL-6",
        "FGF21",
        "AMPK",
        "PGC-1α",
        "CB1",
        "D2",
        "Cross-sectional",
        "Hedges' g",
    ]:
        assert f">{term}</dt>" in text, term
    href = reverse("content:glossary")
    assert href in client.get(reverse("content:effect", args=["bdnf"])).content.decode()
    assert href in client.get(reverse("content:index")).content.decode()
    assert (
        href
        in client.get(Section.objects.get(slug="receptors").get_absolute_url()).content.decode()
    )
    make_session(alice, activity="hiit", minutes=45, effort=8)
    assert href in alice_client.get(reverse("journal:session_list")).content.decode()


def test_the_app_names_its_source_and_states_the_human_evidence(client):
    index = _text(client.get(reverse("content:index")).content.decode())
    assert "Understanding Movement’s Internal Dialogue" in index
    assert "one commercial wellness article" in index
    tags = Section.objects.get(slug="reading-the-tags").body
    assert "What is well established in people" in tags
    assert "Understanding\nMovement’s Internal Dialogue" in tags
    refs = set(
        Section.objects.get(slug="reading-the-tags").references.values_list("key", flat=True)
    )
    assert {"NOE24", "KRE15", "ENS15"} <= refs
    footer = _text(client.get(reverse("content:index")).content.decode())
    assert "a published article" not in footer


def test_the_effect_page_shows_how_its_tag_reads(client):
    page = client.get(reverse("content:effect", args=["dopamine"])).content.decode()
    assert "On a tag it reads “predicted: possibly ↑ dopamine higher”, with grade C." in page
