"""Progress words show whole minutes (issue 21): never "17.5 of 150" nor "336.25"."""

import datetime
import re

from journal.tagging import ProfileFacts, SessionFacts, Timeline, Window, tag_session
from journal.tagging.intensity import rate
from journal.tagging.windows import mvpa_at_least, mvpa_between, whole_minutes

DAY = datetime.date(2024, 6, 30)
WOMAN = ProfileFacts(sex="female")


def _session(key, minutes, effort, ago=0, activity="aerobic"):
    return SessionFacts(
        key=key,
        date=DAY - datetime.timedelta(days=ago),
        activity=activity,
        minutes=minutes,
        effort=effort,
    )


def _window(history):
    return Window(Timeline(rate(s, WOMAN) for s in history), DAY, 4)


def test_one_35_minute_hard_run_reads_17_of_150_not_17_and_a_half():
    run = _session(1, 35, 5)  # vigorous: 70 moderate-equivalent minutes over 4 weeks
    tags = {t.rule: t for t in tag_session(run, [run], WOMAN)}
    progress = tags["insulin_sensitivity.chronic"].inputs["progress"]
    assert progress.startswith("17 of 150 weekly cardio minutes")
    assert tags["insulin_sensitivity.chronic"].inputs["mvpa"] == 17.5  # the figure stays exact


def test_whole_minutes_round_down_so_a_shortfall_never_reads_as_met():
    assert whole_minutes(599, 4) == 149  # 149.75 a week is still short of 150
    check = mvpa_at_least(_window([_session(1, 599, 4)]), 150)
    assert not check.met
    assert check.text == "149 of 150 weekly cardio minutes"


def test_over_the_cap_rounds_up_so_it_never_reads_as_the_cap():
    history = [_session(k, 601, 4, ago=k) for k in range(2)]  # 1202 / 4 = 300.5 a week
    check = mvpa_between(_window(history), 150, 300)
    assert not check.met
    assert check.text == "301 weekly cardio minutes, over the 300 cap"


def test_no_progress_words_carry_a_decimal():
    history = [_session(k, 35 + k, 3 + k % 4, ago=k) for k in range(20)]
    for s in history:
        for tag in tag_session(s, history, WOMAN):
            words = tag.inputs.get("progress", "")
            assert not re.search(r"\d\.\d", words), words
