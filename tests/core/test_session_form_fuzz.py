"""Generated form data thrown at the session forms: never a 500, never an invalid row."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from journal.models import SESSION_RANGES, Session
from tests.conftest import make_user

garbage = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(date.isoformat),
    st.text(max_size=12),
    st.just(""),
    st.just("x" * 3000),
)
scale = lambda low, high: st.integers(min_value=low - 1, max_value=high + 1).map(str)  # noqa: E731
valid_ish = st.fixed_dictionaries(
    {
        "activity": st.sampled_from(
            ["aerobic", "hiit", "resistance", "mixed", "mobility", "walking"]
        ),
        "date": st.dates(
            min_value=date(1899, 12, 1), max_value=date.today() + timedelta(days=2)
        ).map(date.isoformat),
        "minutes": scale(1, 1440),
        "feeling_before": scale(-5, 5),
        "feeling_after": scale(-5, 5),
        "effort": st.one_of(st.just(""), scale(0, 10)),
        "avg_hr": st.one_of(st.just(""), scale(25, 250)),
        "max_hr": st.one_of(st.just(""), scale(25, 250)),
        "distance": st.one_of(st.just(""), st.floats(min_value=-1, max_value=1200).map(str)),
        "percent_1rm": st.one_of(st.just(""), scale(1, 100)),
        "style": st.sampled_from(["", "yoga", "pilates", "bogus"]),
        "note": st.text(max_size=30),
    }
)


@st.composite
def form_data(draw):
    """A mostly valid session with a few fields replaced by anything at all."""
    data = draw(valid_ish)
    broken = draw(st.lists(st.sampled_from(sorted(data)), max_size=3, unique=True))
    for field in broken:
        data[field] = draw(garbage)
    return data


def assert_every_row_valid():
    for session in Session.objects.all():
        session.full_clean()
        for field, (low, high) in SESSION_RANGES.items():
            value = getattr(session, field)
            assert value is None or low <= value <= high, (field, value)
        assert session.date <= date.today() + timedelta(days=1)


class SessionFormFuzz(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = make_user("fuzz")

    def setUp(self):
        self.browser = Client()
        self.browser.force_login(self.user)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=form_data(), quick=st.booleans())
    def test_generated_form_data_never_500s_and_never_stores_an_invalid_row(self, data, quick):
        url = reverse("journal:session_quick" if quick else "journal:session_new")
        if quick:  # the dashboard's quick-log form prefixes its field names
            data = {f"quick-{name}": value for name, value in data.items()}
        response = self.browser.post(url, data)
        assert response.status_code in (200, 302)
        assert_every_row_valid()


pytestmark = pytest.mark.django_db
