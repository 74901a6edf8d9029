"""The import's forms: choosing a file, and the mapping confirmed in the preview."""

from django import forms

from journal.core import words
from journal.imports.pipeline import activity_choices, parse_target, target_of
from journal.models import DistanceUnit

SOURCE_CHOICES = [
    ("", "Find out from the file"),
    ("strava", "Strava (export zip or activities.csv)"),
    ("garmin", "Garmin Connect (Activities.csv)"),
    ("apple", "Apple Health (export.zip or export.xml)"),
    ("fit", "A FIT file"),
    ("gpx", "A GPX file"),
    ("tcx", "A TCX file"),
    ("daylio", "Daylio (CSV export)"),
    ("journal", "Movement Journal (JSON)"),
]
MOOD_CHOICES = [
    ("", "Choose a mood"),
    ("5", "5 (great)"),
    ("4", "4 (good)"),
    ("3", "3 (okay)"),
    ("2", "2 (low)"),
    ("1", "1 (awful)"),
]


class SourceForm(forms.Form):
    """The upload page's one choice besides the file (read from the POST the handler parsed)."""

    source = forms.ChoiceField(
        choices=SOURCE_CHOICES, required=False, label="Which app is it from?"
    )


class MappingForm(forms.Form):
    """The activity-type and mood-label mapping, the distance unit and the profile choice.

    Fields are numbered in the order of the stored preview, which both the
    page and the POST read, so a label never has to be a field name.
    """

    def __init__(self, *args, preview: dict, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = preview
        self.types = preview.get("types", [])
        self.moods = preview.get("moods", [])
        # Short names, so the dropdown fits a 360 px screen beside the type and its count.
        targets = [(value, label.split(" (")[0]) for value, label in activity_choices()]
        for index, row in enumerate(self.types):
            self.fields[f"type_{index}"] = forms.ChoiceField(
                choices=targets,
                initial=target_of(row.get("activity"), row.get("style", "")),
                label=words.plain_type(row["name"]) if row["name"] else "(no type)",
            )
        for index, row in enumerate(self.moods):
            mood = row.get("mood")
            self.fields[f"mood_{index}"] = forms.ChoiceField(
                choices=MOOD_CHOICES,
                required=False,
                initial=str(mood) if mood else "",
                label=row["label"],
            )
        if preview.get("asks_unit"):
            self.fields["distance_unit"] = forms.ChoiceField(
                choices=DistanceUnit.choices,
                initial=preview.get("distance_unit", DistanceUnit.KM),
                label="Distances in this file are in",
            )
        if kind == "journal" and preview.get("profile_changes"):
            self.fields["apply_profile"] = forms.BooleanField(
                required=False, label="Also replace my profile with the file's values"
            )

    def type_fields(self):
        return [(self[f"type_{i}"], row) for i, row in enumerate(self.types)]

    def mood_fields(self):
        return [(self[f"mood_{i}"], row) for i, row in enumerate(self.moods)]

    def options(self) -> dict:
        """What the parser and the task read, as stored on the job (JSON)."""
        data = self.cleaned_data
        chosen = {
            # Only what the person changed: a kind left as the app's default keeps
            # counting as unknown (saved as mixed) in the report.
            "activity_map": {
                row["name"]: list(parse_target(data[f"type_{i}"]))
                for i, row in enumerate(self.types)
                if data[f"type_{i}"] != self.fields[f"type_{i}"].initial
            },
            "mood_map": {
                row["label"]: int(data[f"mood_{i}"])
                for i, row in enumerate(self.moods)
                if data.get(f"mood_{i}")
            },
            "apply_profile": bool(data.get("apply_profile")),
        }
        if "distance_unit" in data:
            chosen["distance_unit"] = data["distance_unit"]
        elif self.preview.get("distance_unit"):
            chosen["distance_unit"] = self.preview["distance_unit"]
        return chosen

    def check_moods_mapped(self) -> bool:
        """Every mood label needs a mood before the import can run (imports.md 4)."""
        for index, _row in enumerate(self.moods):
            if not self.cleaned_data.get(f"mood_{index}"):
                self.add_error(f"mood_{index}", "Choose the mood this label stands for.")
        return not self.errors
