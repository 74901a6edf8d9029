"""What a person records (sessions, daily check-ins, profile) and the tags derived from it;
the database enforces every scale as the forms do (no Feeling Scale of 7 is ever stored)."""

import uuid
import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone

from journal.core import validation, words

# One home for the ranges: a pure module the importers read without Django.
from journal.core.ranges import (
    CHECKIN_ITEMS,
    CHECKIN_RANGES,
    NOTE_MAX_LENGTH,
    PROFILE_RANGES,
    SESSION_RANGES,
)
from journal.tagging import Intensity


class Activity(models.TextChoices):
    AEROBIC = "aerobic", "Aerobic (run, ride, swim, row)"
    HIIT = "hiit", "HIIT / intervals"
    RESISTANCE = "resistance", "Resistance / strength"
    MIXED = "mixed", "Mixed / sport"
    MOBILITY = "mobility", "Mobility / yoga"
    WALKING = "walking", "Walking"


class Style(models.TextChoices):
    YOGA = "yoga", "Yoga"
    PILATES = "pilates", "Pilates"
    STRETCHING = "stretching", "Stretching"
    TAI_CHI = "tai_chi", "Tai chi"
    OTHER = "other", "Other"


# The classes of journal.tagging.Intensity, stored by slug.
INTENSITY_CHOICES = [(level.slug, level.label) for level in Intensity]


class DistanceUnit(models.TextChoices):
    KM = "km", "Kilometres"
    MI = "mi", "Miles"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"


def in_range(ranges: dict, field: str) -> list:
    low, high = ranges[field]
    return [MinValueValidator(low), MaxValueValidator(high)]


def between(field: str, low, high) -> models.CheckConstraint:
    """A database check that `field` is empty or within [low, high]."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=f"%(app_label)s_%(class)s_{field}_range",
    )


def note_length() -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length("note"), NOTE_MAX_LENGTH),
        name="%(app_label)s_%(class)s_note_length",
    )


# The profile's fields a person edits and the exchange format carries.
PROFILE_FIELDS = [
    "time_zone",
    "distance_unit",
    "birth_year",
    "max_hr",
    "resting_hr",
    "sex",
    "cycle_tracking",
    "missed_period",
    "checkin_items",
]


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(max_length=64, default="UTC")
    distance_unit = models.CharField(
        max_length=2, choices=DistanceUnit.choices, default=DistanceUnit.KM
    )
    birth_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(PROFILE_RANGES, "birth_year")
    )
    max_hr = models.PositiveSmallIntegerField(
        "measured max heart rate",
        null=True,
        blank=True,
        validators=in_range(PROFILE_RANGES, "max_hr"),
    )
    resting_hr = models.PositiveSmallIntegerField(
        "resting heart rate",
        null=True,
        blank=True,
        validators=in_range(PROFILE_RANGES, "resting_hr"),
    )
    sex = models.CharField(max_length=6, choices=Sex.choices, blank=True)
    cycle_tracking = models.BooleanField(default=False)
    missed_period = models.BooleanField(default=False)
    checkin_items = models.JSONField(default=list, blank=True)
    # Bumped by journal.core.services in the same transaction as every write to this
    # person's journal; caches of derived pages are keyed by it.
    journal_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            *(between(field, *limits) for field, limits in PROFILE_RANGES.items()),
            models.CheckConstraint(
                condition=Q(sex__in=["", "female", "male"]), name="journal_profile_sex_valid"
            ),
            models.CheckConstraint(
                condition=Q(distance_unit__in=["km", "mi"]), name="journal_profile_unit_valid"
            ),
        ]

    def __str__(self):
        return f"Profile of {self.user}"

    def clean(self):
        if not self.cycle_tracking:
            self.missed_period = False
        validation.check_profile(self, items=list(CHECKIN_ITEMS), today=timezone.now().date())

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def today(self):
        """The person's local date: what 'today' means for their journal."""
        return timezone.now().astimezone(self.zone).date()


class SessionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)

    def between(self, start=None, end=None):
        qs = self
        if start:
            qs = qs.filter(date__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs


class Session(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    activity = models.CharField(max_length=10, choices=Activity.choices)
    style = models.CharField("yoga style", max_length=10, choices=Style.choices, blank=True)
    minutes = models.PositiveSmallIntegerField(validators=in_range(SESSION_RANGES, "minutes"))
    effort = models.PositiveSmallIntegerField(
        "session effort (CR-10)",
        null=True,
        blank=True,
        validators=in_range(SESSION_RANGES, "effort"),
    )
    # Optional in the data (imported sessions have none); the session forms still require both.
    feeling_before = models.SmallIntegerField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "feeling_before")
    )
    feeling_after = models.SmallIntegerField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "feeling_after")
    )
    arousal_before = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "arousal_before")
    )
    arousal_after = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "arousal_after")
    )
    avg_hr = models.PositiveSmallIntegerField(
        "average heart rate", null=True, blank=True, validators=in_range(SESSION_RANGES, "avg_hr")
    )
    max_hr = models.PositiveSmallIntegerField(
        "max heart rate", null=True, blank=True, validators=in_range(SESSION_RANGES, "max_hr")
    )
    distance_km = models.FloatField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "distance_km")
    )
    percent_1rm = models.PositiveSmallIntegerField(
        "% of 1RM", null=True, blank=True, validators=in_range(SESSION_RANGES, "percent_1rm")
    )
    reps_in_reserve = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(SESSION_RANGES, "reps_in_reserve")
    )
    note = models.TextField(blank=True, max_length=NOTE_MAX_LENGTH)
    # The app an imported session came from ("" = logged here) and its id there (imports.md 1).
    source = models.CharField(max_length=10, blank=True)
    source_id = models.CharField(max_length=120, blank=True)
    feelings_dismissed = models.BooleanField(default=False)  # "How did it feel?" dismissed
    # Derived when the session is written (journal.tagging), never on read.
    intensity = models.CharField(max_length=8, choices=INTENSITY_CHOICES, blank=True)
    intensity_source = models.CharField(max_length=4, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time", "-id"]
        indexes = [
            models.Index(fields=["owner", "date"], name="journal_session_owner_date"),
            # The dashboard's "sessions to rate": a handful of rows, found without a scan.
            models.Index(
                fields=["owner", "date"],
                condition=models.Q(effort__isnull=True),
                name="journal_session_unrated",
            ),
            # The quick-log form defaults to the activity of the last session logged.
            models.Index(fields=["owner", "created_at"], name="journal_session_last_logged"),
            # The dashboard's "How did it feel?": imported sessions not rated yet.
            models.Index(
                fields=["owner", "date"],
                condition=models.Q(feeling_after__isnull=True, feelings_dismissed=False),
                name="journal_session_feelings_due",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "uuid"], name="journal_session_uuid_per_owner"
            ),
            models.UniqueConstraint(
                fields=["owner", "source", "source_id"],
                condition=~Q(source_id=""),
                name="journal_session_source_id_per_owner",
            ),
            models.CheckConstraint(
                condition=Q(activity__in=Activity.values), name="journal_session_activity_valid"
            ),
            models.CheckConstraint(
                condition=Q(style__in=["", *Style.values]), name="journal_session_style_valid"
            ),
            *(between(field, *limits) for field, limits in SESSION_RANGES.items()),
            note_length(),
        ]

    # The fields __str__ reads: a list that shows sessions by name loads these alone.
    NAMED_BY = ("activity", "date", "minutes")

    def __str__(self):
        return f"{self.get_activity_display()} on {words.day(self.date)}, {self.minutes} min"

    def get_absolute_url(self):
        return reverse("journal:session_detail", args=[self.pk])

    def clean(self):
        validation.check_session(avg_hr=self.avg_hr, max_hr=self.max_hr)

    @property
    def load(self) -> int | None:
        """Foster's training load: session effort x minutes (arbitrary units)."""
        return None if self.effort is None else self.effort * self.minutes

    @property
    def feeling_change(self) -> int | None:
        if self.feeling_before is None or self.feeling_after is None:
            return None
        return self.feeling_after - self.feeling_before


class CheckInQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)


class CheckIn(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField()
    mood = models.PositiveSmallIntegerField(validators=in_range(CHECKIN_RANGES, "mood"))
    # Optional in the data (Daylio has none); the check-in form still asks.
    sleep_quality = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "sleep_quality")
    )
    anxiety = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "anxiety")
    )
    energy = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "energy")
    )
    motivation = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "motivation")
    )
    focus = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "focus")
    )
    stress = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=in_range(CHECKIN_RANGES, "stress")
    )
    note = models.TextField(blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "date"], name="journal_checkin_one_per_day"),
            *(between(field, *limits) for field, limits in CHECKIN_RANGES.items()),
            note_length(),
        ]

    def __str__(self):
        return f"Check-in on {words.day(self.date)}"

    def get_absolute_url(self):
        return reverse("journal:checkin_edit", args=[self.pk])

    @property
    def items(self) -> list[tuple[str, int]]:
        """The optional items recorded on this day, as (name, rating)."""
        ratings = ((label, getattr(self, item)) for item, label in CHECKIN_ITEMS.items())
        return [(label.lower(), value) for label, value in ratings if value is not None]


class SessionTag(models.Model):
    """One effect the article predicts for a session, with what the rule read."""

    # No index of their own: the covering index in Meta starts with the session, and no
    # query looks tags up by effect alone.
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="tags", db_index=False
    )
    effect = models.SlugField(max_length=40, db_index=False)
    timescale = models.CharField(max_length=7)  # acute | chronic
    status = models.CharField(max_length=9)  # acute | building | sustained
    magnitude = models.CharField(max_length=10, blank=True)
    rule = models.CharField(max_length=60)
    rule_version = models.PositiveSmallIntegerField()
    inputs = models.JSONField(default=dict)

    class Meta:
        ordering = ["timescale", "effect"]
        constraints = [
            models.UniqueConstraint(fields=["session", "rule"], name="journal_tag_rule_once"),
        ]
        indexes = [
            # Covers the effects-timeline query: it reads a session's tags without
            # visiting the table rows (ten years of tags group in a fraction of the time).
            models.Index(
                fields=["session", "effect", "timescale", "status"], name="journal_tag_session"
            ),
        ]

    def __str__(self):
        return f"{self.effect} ({self.status})"

    @property
    def why(self) -> str:
        """The rule's reading of this session, in plain words."""
        from journal import tagging

        return tagging.explain(
            tagging.Tag(
                effect=self.effect,
                timescale=self.timescale,
                status=self.status,
                magnitude=self.magnitude,
                rule=self.rule,
                rule_version=self.rule_version,
                inputs=self.inputs,
            )
        )

    @property
    def progress(self) -> str:
        return self.inputs.get("progress", "")


from journal.api.models import ApiToken  # noqa: E402, F401  (models in modules of their own)
from journal.core.chartstamp import ChartStamp  # noqa: E402, F401
from journal.core.snapshot import Snapshot  # noqa: E402, F401
from journal.experiments.models import Experiment  # noqa: E402, F401
from journal.imports.models import ImportJob  # noqa: E402, F401
