"""The form that plans an experiment: a design, its length and its first day."""

from datetime import date, timedelta

from django import forms

from journal.experiments.designs import DESIGNS, WEEK
from journal.experiments.schedule import default_start

LATEST_START = timedelta(days=90)  # a plan further ahead is a wish, not a plan


class PlanForm(forms.Form):
    design = forms.ChoiceField(
        choices=[(d.key, d.question) for d in DESIGNS.values()], widget=forms.RadioSelect
    )
    pairs = forms.IntegerField(
        required=False,
        min_value=3,
        max_value=20,
        help_text="Each pair is one unit of each kind, in an order drawn by chance.",
    )
    start = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Tomorrow unless you choose; week-by-week plans start on a Monday.",
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        design = DESIGNS.get(data.get("design"))
        if design is None:
            return data
        low, high, default = design.pairs_range
        pairs = data.get("pairs")
        if pairs is None and "pairs" not in self.errors:
            data["pairs"] = default
        elif pairs is not None and not low <= pairs <= high:
            self.add_error("pairs", f"Choose from {low} to {high} pairs for this question.")
        start = data.get("start")
        if start is None and "start" not in self.errors:
            data["start"] = default_start(design, self.today)
        elif start is not None:
            if start < self.today:
                self.add_error("start", "Choose today or a later day: the plan starts ahead.")
            elif start > self.today + LATEST_START:
                self.add_error("start", "Choose a day within the next 90 days.")
            elif design.unit == WEEK and start.weekday() != 0:
                self.add_error("start", "A week-by-week plan starts on a Monday.")
        return data
