from datetime import timedelta

import pytest
from django.urls import reverse

from journal.core import words
from journal.models import CheckIn
from tests.factories import htmx_events, make_checkin

pytestmark = pytest.mark.django_db


def today_data(**fields):
    """The dashboard's check-in form names its fields with the "checkin" prefix."""
    return {f"checkin-{name}": value for name, value in fields.items()}


def test_the_daily_check_in_saves_mood_and_sleep_for_today(alice_client, alice):
    today = alice.profile.today()
    response = alice_client.post(
        reverse("journal:checkin_today"),
        today_data(date=today.isoformat(), mood="4", sleep_quality="7"),
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert htmx_events(response) == {"journal-changed"}
    checkin = CheckIn.objects.get(owner=alice)
    assert (checkin.date, checkin.mood, checkin.sleep_quality) == (today, 4, 7)
    # The form is today's check-in now, and its button names the day.
    assert f"Save for today, {words.day(today, today)}".encode() in response.content
    assert f'name="checkin-loaded" value="{checkin.pk}"'.encode() in response.content


def test_a_second_check_in_today_from_the_form_that_shows_it_edits_the_first(alice_client, alice):
    today = alice.profile.today()
    url = reverse("journal:checkin_today")
    alice_client.post(url, today_data(date=today.isoformat(), mood="2", sleep_quality="3"))
    first = CheckIn.objects.get(owner=alice)
    alice_client.post(
        url, today_data(date=today.isoformat(), mood="5", sleep_quality="9", loaded=first.pk)
    )
    assert CheckIn.objects.filter(owner=alice).count() == 1
    assert CheckIn.objects.get(owner=alice).mood == 5


def test_back_filling_yesterday_leaves_todays_check_in_alone(alice_client, alice):
    # Issue 9, item 1: today's check-in (mood 5), then "Another day" with yesterday (mood 2).
    today = alice.profile.today()
    yesterday = today - timedelta(days=1)
    url = reverse("journal:checkin_today")
    alice_client.post(url, today_data(date=today.isoformat(), mood="5", sleep_quality="7"))
    response = alice_client.post(
        url, today_data(date=yesterday.isoformat(), mood="2", sleep_quality="4"), follow=True
    )
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, yesterday: 2}
    assert f"Check-in saved for yesterday, {words.day(yesterday, today)}".encode() in (
        response.content
    )


def test_back_filling_with_htmx_keeps_today_and_says_which_day_was_saved(alice_client, alice):
    today = alice.profile.today()
    yesterday = today - timedelta(days=1)
    make_checkin(alice, date=today, mood=5)
    response = alice_client.post(
        reverse("journal:checkin_today"),
        today_data(date=yesterday.isoformat(), mood="2", sleep_quality="4"),
        HTTP_HX_REQUEST="true",
    )
    assert f"Check-in saved for yesterday, {words.day(yesterday, today)}".encode() in (
        response.content
    )
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, yesterday: 2}


@pytest.mark.parametrize("htmx", [True, False])
def test_saving_over_a_day_the_form_did_not_show_asks_once_then_replaces(alice_client, alice, htmx):
    # Issue 25, item 1: the form was filled from today's check-in (or was blank), and
    # its date was moved to a day that has one: nothing is saved until the person has
    # seen what that day holds and agreed.
    today = alice.profile.today()
    day = today - timedelta(days=4)
    mine = make_checkin(alice, date=today, mood=5)
    older = make_checkin(alice, date=day, mood=2, sleep_quality=6, note="long day")
    url = reverse("journal:checkin_today")
    data = today_data(date=day.isoformat(), mood="4", sleep_quality="9", loaded=mine.pk)
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = alice_client.post(url, data, **extra)
    assert response.status_code == 200
    assert not htmx_events(response)
    text = response.content.decode()
    assert f"{words.day(day, today)} already has a check-in:" in text
    assert "mood 2 of 5, sleep 6 of 10" in text
    assert "long day" in text
    assert f'name="checkin-replace" value="{older.pk}"' in text
    assert f"Replace the check-in of {words.day_or_today(day, today, named=True)}" in text
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, day: 2}

    # Agreeing once replaces that day, and that day only.
    response = alice_client.post(url, {**data, "checkin-replace": older.pk}, **extra)
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, day: 4}
    assert CheckIn.objects.get(owner=alice, date=day).pk == older.pk


def test_a_blank_form_saved_over_a_day_with_a_check_in_asks_first(alice_client, alice):
    today = alice.profile.today()
    make_checkin(alice, date=today, mood=1)
    response = alice_client.post(
        reverse("journal:checkin_today"),
        today_data(date=today.isoformat(), mood="4", sleep_quality="9"),
    )
    assert b"already has a check-in" in response.content
    assert CheckIn.objects.get(owner=alice).mood == 1


def test_choosing_another_day_loads_its_check_in_or_a_blank_form(alice_client, alice):
    today = alice.profile.today()
    day = today - timedelta(days=3)
    older = make_checkin(alice, date=day, mood=2, sleep_quality=6)
    url = reverse("journal:checkin_day")
    swap = alice_client.get(url, {"date": day.isoformat()}, HTTP_HX_REQUEST="true")
    text = swap.content.decode()
    assert text.lstrip().startswith("<form")  # only the form is swapped
    assert f'name="checkin-loaded" value="{older.pk}"' in text
    assert 'name="checkin-mood" value="2" checked' in text.replace('id="id_checkin-mood_1" ', "")
    assert f"Save for {words.day_or_today(day, today, named=True)}" in text
    blank_day = today - timedelta(days=2)
    blank = alice_client.get(url, {"date": blank_day.isoformat()}, HTTP_HX_REQUEST="true")
    assert b"checked" not in blank.content
    assert f"Save for {words.day_or_today(blank_day, today, named=True)}".encode() in blank.content
    assert b'name="checkin-loaded" value=' not in blank.content
    # Without JavaScript, the same is a page (and the dashboard reads ?date= too).
    page = alice_client.get(url, {"date": day.isoformat()})
    assert b"<h1>Check-in for another day</h1>" in page.content
    assert f'name="checkin-loaded" value="{older.pk}"'.encode() in page.content
    dashboard = alice_client.get(reverse("journal:dashboard"), {"date": day.isoformat()})
    assert f'name="checkin-loaded" value="{older.pk}"'.encode() in dashboard.content


@pytest.mark.parametrize("asked", ["2999-01-01", "not-a-date", "1800-01-01"])
def test_a_day_that_cannot_have_a_check_in_is_said_so(alice_client, alice, asked):
    response = alice_client.get(reverse("journal:checkin_day"), {"date": asked})
    assert response.status_code == 200
    assert b"choose a day up to today" in response.content


def test_the_check_ins_page_offers_another_day_and_saves_there(alice_client, alice):
    today = alice.profile.today()
    listing = alice_client.get(reverse("journal:checkin_list"))
    assert b"Add a check-in for another day" in listing.content
    page = alice_client.get(reverse("journal:checkin_day"))
    yesterday = today - timedelta(days=1)
    assert f"Save for yesterday, {words.day(yesterday, today)}".encode() in page.content
    response = alice_client.post(
        reverse("journal:checkin_today"),
        {**today_data(date=yesterday.isoformat(), mood="3", sleep_quality="5"), "standalone": "1"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("journal:checkin_list")
    assert CheckIn.objects.get(owner=alice).date == yesterday


def test_another_persons_check_in_never_loads(alice_client, alice, bob):
    day = alice.profile.today() - timedelta(days=1)
    theirs = make_checkin(bob, date=day, mood=1, note="bob's secret")
    response = alice_client.get(reverse("journal:checkin_day"), {"date": day.isoformat()})
    assert b"secret" not in response.content
    assert b'name="checkin-loaded" value=' not in response.content
    alice_client.post(
        reverse("journal:checkin_today"),
        today_data(date=day.isoformat(), mood="4", sleep_quality="7", replace=theirs.pk),
    )
    assert CheckIn.objects.get(pk=theirs.pk).mood == 1
    assert CheckIn.objects.get(owner=alice).mood == 4


def test_moving_a_check_in_onto_a_day_that_has_one_is_refused(alice_client, alice):
    today = alice.profile.today()
    yesterday = today - timedelta(days=1)
    make_checkin(alice, date=today, mood=5)
    older = make_checkin(alice, date=yesterday, mood=1)
    response = alice_client.post(
        reverse("journal:checkin_edit", args=[older.pk]),
        {"date": today.isoformat(), "mood": "3", "sleep_quality": "9"},
    )
    assert b"already a check-in for that day" in response.content
    stored = dict(CheckIn.objects.filter(owner=alice).values_list("date", "mood"))
    assert stored == {today: 5, yesterday: 1}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mood": "6", "sleep_quality": "5"}, b"Choose your mood from 1 to 5; 6 is not one"),
        ({"mood": "3", "sleep_quality": "11"}, b"Choose how well you slept from 0 to 10"),
        ({"mood": "", "sleep_quality": "5"}, b"Choose your mood, from 1 to 5."),
        ({"mood": "3", "sleep_quality": "5", "note": "n" * 100_000}, b"at most 2000"),
    ],
)
def test_bad_check_ins_save_nothing(alice_client, alice, data, message):
    data = today_data(date=alice.profile.today().isoformat(), **data)
    response = alice_client.post(reverse("journal:checkin_today"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert message in response.content
    assert not CheckIn.objects.exists()


def test_a_future_check_in_is_refused(alice_client, alice):
    tomorrow = alice.profile.today() + timedelta(days=1)
    response = alice_client.post(
        reverse("journal:checkin_today"),
        today_data(date=tomorrow.isoformat(), mood="3", sleep_quality="5"),
    )
    assert b"in the future" in response.content
    assert not CheckIn.objects.exists()


def test_the_check_in_shows_only_the_items_chosen_in_the_profile(alice_client, alice):
    page = alice_client.get(reverse("journal:dashboard"))
    assert b'name="checkin-anxiety"' not in page.content
    alice.profile.checkin_items = ["anxiety", "focus"]
    alice.profile.save()
    page = alice_client.get(reverse("journal:dashboard"))
    assert b'name="checkin-anxiety"' in page.content
    assert b'name="checkin-focus"' in page.content
    assert b'name="checkin-stress"' not in page.content
    alice_client.post(
        reverse("journal:checkin_today"),
        today_data(
            date=alice.profile.today().isoformat(),
            mood="3",
            sleep_quality="5",
            anxiety="2",
            stress="5",
        ),
    )
    checkin = CheckIn.objects.get(owner=alice)
    assert (checkin.anxiety, checkin.stress) == (2, None)


def test_check_in_history_edit_and_delete(alice_client, alice):
    checkin = make_checkin(alice, mood=2)
    assert b"2/5" in alice_client.get(reverse("journal:checkin_list")).content
    alice_client.post(
        reverse("journal:checkin_edit", args=[checkin.pk]),
        {"date": checkin.date.isoformat(), "mood": "4", "sleep_quality": "6"},
    )
    checkin.refresh_from_db()
    assert checkin.mood == 4
    alice_client.post(reverse("journal:checkin_delete", args=[checkin.pk]))
    assert not CheckIn.objects.exists()


def test_the_profile_page_saves_every_field(alice_client, alice):
    response = alice_client.post(
        reverse("journal:profile_edit"),
        {
            "time_zone": "Europe/Berlin",
            "distance_unit": "mi",
            "birth_year": "1988",
            "max_hr": "190",
            "resting_hr": "55",
            "sex": "female",
            "cycle_tracking": "on",
            "missed_period": "on",
            "checkin_items": ["energy", "stress"],
        },
    )
    assert response.status_code == 302
    alice.profile.refresh_from_db()
    p = alice.profile
    assert (p.time_zone, p.distance_unit, p.birth_year, p.max_hr, p.resting_hr) == (
        "Europe/Berlin",
        "mi",
        1988,
        190,
        55,
    )
    assert (p.sex, p.cycle_tracking, p.missed_period) == ("female", True, True)
    assert p.checkin_items == ["energy", "stress"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Mars/Olympus", b"Select a valid choice"),
        ("birth_year", "1800", b"Enter a year between"),
        ("max_hr", "400", b"less than or equal to 250"),
        ("resting_hr", "200", b"must be below the maximum"),
    ],
)
def test_a_bad_profile_is_refused_with_a_message(alice_client, alice, field, value, message):
    data = {"time_zone": "UTC", "distance_unit": "km", "max_hr": "190", field: value}
    response = alice_client.post(reverse("journal:profile_edit"), data)
    assert response.status_code == 200
    assert message in response.content
    alice.profile.refresh_from_db()
    assert alice.profile.max_hr is None


def test_deleting_the_account_needs_the_password_and_removes_everything(alice_client, alice):
    from tests.conftest import PASSWORD
    from tests.factories import make_session

    make_session(alice)
    make_checkin(alice)
    response = alice_client.post(reverse("journal:account_delete"), {"password": "wrong"})
    assert b"nothing was deleted" in response.content
    response = alice_client.post(reverse("journal:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    from django.contrib.auth.models import User

    assert not User.objects.filter(username="alice").exists()
    assert not CheckIn.objects.exists()


def test_the_page_for_another_day_asks_before_replacing_too(alice_client, alice):
    # Without scripts: the page was opened for one day, the hidden date names another
    # that has a check-in (a stale page): it asks, then replaces once agreed.
    today = alice.profile.today()
    day = today - timedelta(days=5)
    older = make_checkin(alice, date=day, mood=1, sleep_quality=2)
    url = reverse("journal:checkin_today")
    data = {**today_data(date=day.isoformat(), mood="5", sleep_quality="8"), "standalone": "1"}
    response = alice_client.post(url, data)
    assert response.status_code == 200
    assert b"<h1>Check-in for another day</h1>" in response.content
    assert b"already has a check-in:" in response.content
    assert CheckIn.objects.get(pk=older.pk).mood == 1
    response = alice_client.post(url, {**data, "checkin-replace": older.pk})
    assert response.status_code == 302
    assert CheckIn.objects.get(pk=older.pk).mood == 5
