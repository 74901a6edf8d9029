import pytest
from django.urls import reverse

from tests.factories import make_session

pytestmark = pytest.mark.django_db


def test_session_rows_show_tag_chips_linking_to_the_learn_pages(alice_client, alice):
    make_session(alice, activity="hiit", minutes=25, effort=8)
    content = alice_client.get(reverse("journal:session_list")).content.decode()
    assert 'href="/learn/effects/catecholamines/"' in content
    assert "adrenaline higher" in content
    assert "this session" in content
    assert "↑" in content


def test_the_session_page_shows_grade_status_and_the_disclaimer(alice_client, alice):
    session = make_session(alice, activity="walking", minutes=35, effort=3)
    content = alice_client.get(session.get_absolute_url()).content.decode()
    assert "Evidence C" in content  # serotonin
    assert "Serotonin" in content
    assert "building" in content  # the chronic effects this walk contributes to
    assert "not medical advice" in content


def test_why_comes_as_a_fragment_for_htmx_and_as_a_page_without_javascript(alice_client, alice):
    session = make_session(alice, activity="aerobic", minutes=45, effort=6)
    url = reverse("journal:tag_why", args=[session.pk, "endorphins.acute"])
    fragment = alice_client.get(url, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert b"<html" not in fragment.content
    assert b"Vigorous from effort 6, 45 minutes" in fragment.content
    assert b"The rule: At least 15 minutes at vigorous effort" in fragment.content
    page = alice_client.get(url)
    assert b"<html" in page.content
    assert b"why this session was tagged" in page.content


def test_why_404s_for_a_rule_the_session_does_not_carry(alice_client, alice):
    session = make_session(alice, activity="walking", minutes=10, effort=1)
    url = reverse("journal:tag_why", args=[session.pk, "endorphins.acute"])
    assert alice_client.get(url).status_code == 404


def test_why_404s_for_another_users_session(alice_client, bob):
    session = make_session(bob, activity="hiit", minutes=25, effort=8)
    url = reverse("journal:tag_why", args=[session.pk, "catecholamines.acute"])
    assert alice_client.get(url).status_code == 404
    assert alice_client.get(url, HTTP_HX_REQUEST="true").status_code == 404
