import uuid
import zoneinfo
from datetime import date

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.core.validators import MaxValueValidator, MinValueValidator

from journal.core import validation, words
from journal.core.scales import (  # noqa: F401 (the forms' scales, named here as before)
    AROUSAL_ANCHORS,
    EFFORT_ANCHORS,
    FEELING_ANCHORS,
    ITEM_ANCHORS,
    MOOD_ANCHORS,
    SLEEP_ANCHORS,
    ScaleWidget,
    scale_field,
)
from journal.models import (
    CHECKIN_ITEMS,
    PROFILE_FIELDS,
    SESSION_RANGES,
    Activity,
    CheckIn,
    DistanceUnit,
    Profile,
    Session,
)

KM_PER_MILE = 1.609344
# In the system's zone database but not places: the server's own zone, and a placeholder.
NOT_TIME_ZONES = {"localtime", "Factory"}


def time_zone_choices() -> list[tuple[str, str]]:
    zones = zoneinfo.available_timezones() - NOT_TIME_ZONES
    return [(zone, zone) for zone in sorted(zones)]


class SignUpForm(UserCreationForm):
    email = forms.EmailField(
        required=False,
        help_text="Optional. Only used to send you a password reset link.",
    )

    # Filled in from the browser by static/js/time-zone.js; UTC without JavaScript.
    time_zone = forms.ChoiceField(
        label="Time zone",
        initial="UTC",
        required=False,
        help_text="Sets which day your sessions and check-ins fall on. You can change it later.",
        error_messages={
            "invalid_choice": "%(value)s is not a time zone we know. Pick one from the list."
        },
        widget=forms.Select(attrs={"data-detect-time-zone": ""}),
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()
        if self.is_bound:  # the person's own choice: the browser's guess must not replace it
            self.fields["time_zone"].widget.attrs["data-chosen"] = ""

    def clean_time_zone(self):
        return self.cleaned_data.get("time_zone") or "UTC"


def first_day(profile: Profile) -> str:
    return validation.earliest_date(profile.birth_year, profile.today()).isoformat()


def plausible_date(value: date, profile: Profile) -> date:
    validation.check_date(value, profile.today(), profile.birth_year)
    return value


class SessionForm(forms.ModelForm):
    """Every field of a session; distance is entered in the person's own unit. Minutes over
    validation.LONG_SESSION_MINUTES are asked about once ("Really N hours?")."""

    # The minutes the person confirmed after "really N hours?": asked once, not again.
    long_ok = forms.IntegerField(required=False, widget=forms.HiddenInput)
    asks_long = None  # the minutes asked about, when the form is sent back to ask

    feeling_before = scale_field(
        -5, 5, FEELING_ANCHORS, label="Feeling before", asks="how you felt before"
    )
    feeling_after = scale_field(
        -5, 5, FEELING_ANCHORS, label="Feeling after", asks="how you felt after"
    )
    effort = scale_field(
        0,
        10,
        EFFORT_ANCHORS,
        required=False,
        asks="how hard the session was",
        label="Session effort",
        help_text="How hard the whole session was, about 30 minutes after. You can add it later.",
    )
    arousal_before = scale_field(1, 6, AROUSAL_ANCHORS, required=False, label="Arousal before")
    arousal_after = scale_field(1, 6, AROUSAL_ANCHORS, required=False, label="Arousal after")
    distance = forms.FloatField(required=False, min_value=0, label="Distance")

    class Meta:
        model = Session
        fields = [
            "activity",
            "date",
            "start_time",
            "minutes",
            "feeling_before",
            "feeling_after",
            "effort",
            "arousal_before",
            "arousal_after",
            "avg_hr",
            "max_hr",
            "distance",
            "percent_1rm",
            "reps_in_reserve",
            "style",
            "note",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "minutes": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "minutes": "Whole session, warm-up included.",
            "style": "For mobility sessions.",
        }

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        unit = profile.distance_unit
        self.fields["distance"].label = f"Distance ({unit})"
        self.fields["distance"].widget.attrs.update(step="0.01", inputmode="decimal")
        km = self.instance.distance_km
        if km is not None:
            self.initial["distance"] = round(km / KM_PER_MILE if unit == "mi" else km, 2)
        self.fields["date"].widget.attrs.update(
            max=profile.today().isoformat(), min=first_day(profile)
        )
        for name, (low, high) in SESSION_RANGES.items():
            field = self.fields.get(name)
            if field is None or isinstance(field, forms.TypedChoiceField) or name == "distance_km":
                continue
            label = str(field.label).replace("%", "%%")  # messages are %-formatted
            # The model's limits, checked by the form field too, so its messages are ours.
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.error_messages.update(
                min_value=f"{label} can be from {low:,} to {high:,}; this is below.",
                max_value=f"{label} can be from {low:,} to {high:,}; this is above.",
                invalid=f"Enter {label[0].lower() + label[1:]} as a whole number.",
            )
        low, high = SESSION_RANGES["minutes"]
        self.fields["minutes"].widget.attrs.update(
            **{"min": low, "max": high, "data-long-after": validation.LONG_SESSION_MINUTES}
        )
        self.fields["minutes"].error_messages.update(
            required=f"Enter how many minutes the session lasted, from {low} to {high:,}.",
            invalid="Enter the minutes as a whole number, like 45.",
            min_value=f"A session lasts at least {low} minute.",
            max_value=f"A session can last at most {high:,} minutes "
            f"({validation.hours_words(high)}); log a longer one as one session a day.",
        )
        self.fields["activity"].error_messages.update(
            required="Choose the kind of session.",
            invalid_choice="Choose the kind of session from the list.",
        )
        self.fields["date"].error_messages.update(
            required="Enter the day of the session.", invalid="Enter a real date."
        )
        self.fields["note"].widget.attrs["maxlength"] = self.fields["note"].max_length

    def clean_date(self):
        return plausible_date(self.cleaned_data["date"], self.profile)

    def clean_distance(self):
        value = self.cleaned_data.get("distance")
        if value is None:
            return None
        km = value * KM_PER_MILE if self.profile.distance_unit == DistanceUnit.MI else value
        if km > SESSION_RANGES["distance_km"][1]:
            raise forms.ValidationError("That is further than 1,000 km in one session.")
        return round(km, 3)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("activity") != Activity.MOBILITY:
            cleaned["style"] = ""
        self.errors.pop("long_ok", None)  # a damaged confirmation only means asking again
        minutes, long_after = cleaned.get("minutes"), validation.LONG_SESSION_MINUTES
        if not minutes or not long_after < minutes <= SESSION_RANGES["minutes"][1]:
            return cleaned
        # An edit that leaves long minutes as they were is not asked about again.
        if cleaned.get("long_ok") != minutes and self.instance.minutes != minutes:
            self.asks_long = minutes
            self.data = self.data.copy()  # the form comes back with the answer filled in
            self.data[self.add_prefix("long_ok")] = minutes
            button = "Save changes" if self.instance.pk else "Log session"
            self.add_error(
                "minutes",
                f"Really {validation.hours_words(minutes)}? That is over "
                f"{validation.hours_words(long_after)}: press {button} again to keep "
                f"{minutes:,} minutes, or correct them.",
            )
        return cleaned

    def save(self, commit=True):
        self.instance.distance_km = self.cleaned_data.get("distance")
        return super().save(commit=commit)


class QuickSessionForm(SessionForm):
    """The dashboard's 20-second log: the required fields, details folded away.

    `uuid` is the log's idempotency key: each blank form carries a fresh one
    (the offline queue makes its own), and a second post with the same key is
    the same session, not a new one (a retry, a double tap, a resend).
    """

    uuid = forms.UUIDField(
        required=False,
        widget=forms.HiddenInput(attrs={"data-log-key": ""}),
        error_messages={"invalid": "This log's key is damaged. Reload the page and log again."},
    )

    class Meta(SessionForm.Meta):
        fields = [
            "activity",
            "minutes",
            "feeling_before",
            "feeling_after",
            "effort",
            "date",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("uuid", uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        # A hidden field has nowhere to show its error: show it above the form.
        if self.has_error("uuid"):
            self.add_error(None, self.errors.pop("uuid"))
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("uuid"):
            self.instance.uuid = self.cleaned_data["uuid"]
        return super().save(commit=commit)


class EffortForm(forms.ModelForm):
    effort = scale_field(0, 10, EFFORT_ANCHORS, label="Session effort")

    class Meta:
        model = Session
        fields = ["effort"]


class CheckInForm(forms.ModelForm):
    """One day's check-in. `loaded` is the check-in the form was filled from (none for a
    blank day) and `replace` the one the person agreed to replace: saving over a day whose
    check-in the form did not show asks first (journal.views.checkins)."""

    mood = scale_field(1, 5, MOOD_ANCHORS, label="Mood", asks="your mood")
    sleep_quality = scale_field(
        0, 10, SLEEP_ANCHORS, label="Sleep quality last night", asks="how well you slept"
    )
    loaded = forms.IntegerField(required=False, widget=forms.HiddenInput)
    replace = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = CheckIn
        fields = ["date", "mood", "sleep_quality", *CHECKIN_ITEMS, "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        chosen = set(profile.checkin_items)
        for item, label in CHECKIN_ITEMS.items():
            if item in chosen:
                self.fields[item] = scale_field(
                    1, 5, ITEM_ANCHORS, required=False, label=label, asks=f"your {label.lower()}"
                )
            else:
                del self.fields[item]
        self.fields["date"].widget.attrs.update(
            max=profile.today().isoformat(), min=first_day(profile)
        )
        self.fields["note"].widget.attrs["maxlength"] = self.fields["note"].max_length
        self.initial.setdefault("loaded", self.instance.pk)

    @property
    def day(self) -> date | None:
        """The day this form is for: the one posted when it reads as a date, else the one
        it was filled for."""
        if self.is_bound:
            try:
                return self.fields["date"].clean(self["date"].value())
            except forms.ValidationError:
                return None
        return self.initial.get("date") or self.instance.date

    @property
    def day_words(self) -> str:
        """The day as the button says it: "today, Sun 6 Dec", "Wed 2 Dec"."""
        day = self.day
        return words.day_or_today(day, self.profile.today(), named=True) if day else ""

    def replaces(self, stored: CheckIn | None) -> bool:
        """Whether saving would overwrite `stored` without the person having seen it."""
        if stored is None or stored.pk is None:
            return False
        return stored.pk not in (self.cleaned_data.get("loaded"), self.cleaned_data.get("replace"))

    def clean_date(self):
        value = plausible_date(self.cleaned_data["date"], self.profile)
        owner = self.instance.owner if self.instance.owner_id else self.profile.user
        clash = CheckIn.objects.filter(owner=owner, date=value).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                "There is already a check-in for that day; edit it instead."
            )
        return value


class ProfileForm(forms.ModelForm):
    checkin_items = forms.MultipleChoiceField(
        choices=list(CHECKIN_ITEMS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Optional items in my daily check-in",
    )
    time_zone = forms.ChoiceField(label="Time zone")

    class Meta:
        model = Profile
        fields = PROFILE_FIELDS
        help_texts = {
            "birth_year": "Used to estimate your maximum heart rate (208 - 0.7 x age).",
            "max_hr": "If you have measured it, this replaces the estimate.",
            "resting_hr": "With a maximum, lets heart rate set each session's intensity.",
            "sex": "Optional. Selects the wording of the sex-hormone effects.",
            "missed_period": "While ticked, no session is tagged for ovarian balance.",
        }
        labels = {"sex": "Sex"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()
        self.fields["sex"].choices = [("", "Prefer not to say"), *self.fields["sex"].choices[1:]]


class SessionFilterForm(forms.Form):
    activity = forms.ChoiceField(
        choices=[("", "All activities"), *Activity.choices], required=False
    )
    start = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", "The end date is before the start date.")
        return cleaned


class FeelingsForm(forms.ModelForm):
    """'How did it feel?': the two feelings an imported session came without."""

    feeling_before = scale_field(-5, 5, FEELING_ANCHORS, label="Feeling before")
    feeling_after = scale_field(-5, 5, FEELING_ANCHORS, label="Feeling after")

    class Meta:
        model = Session
        fields = ["feeling_before", "feeling_after"]
