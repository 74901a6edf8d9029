"""What the app explains: sections, effects and references, edited by staff in the admin.

Everything here is written in our own words from the article's facts and
effect-rules.md; the journal only points at it (effect slugs, chart keys).
"""

from django.db import connection, models
from django.urls import reverse

from content.charts import CHART_KEYS
from content.markdown import render_markdown


class Grade(models.TextChoices):
    A = "A", "A: human trials or meta-analyses support it"
    B = "B", "B: human acute or cross-sectional data only"
    C = "C", "C: animal-only, contested or null in humans"


# What each letter means, short enough to sit inside a badge (never only in a tooltip).
GRADE_WORDS = {
    "A": "human trials support it",
    "B": "limited human data",
    "C": "mostly animal or disputed",
}


class Timescale(models.TextChoices):
    ACUTE = "acute", "Tagged on a single session"
    CHRONIC = "chronic", "Builds over weeks of training"
    BOTH = "both", "Tagged on a single session, and builds over weeks"


class Direction(models.TextChoices):
    """Which way the article says the thing changes: an arrow only where it names one."""

    UP = "up", "↑ rises"
    DOWN = "down", "↓ falls"
    NONE = "none", "no arrow: the article names no direction"


class Wording(models.TextChoices):
    """How strongly the article words a claim (effect-rules.md section 3)."""

    # Each label completes "The article ..." on the effect page.
    ASSERTED = "asserted", "states it as fact, with no hedge"
    WELL_DOCUMENTED = "well-documented", "calls it well documented"
    CONSISTENTLY = "consistently", "says it happens consistently"
    HAS_BEEN_SHOWN = "has been shown", "says it has been shown"
    IMPLICATED = "implicated", "only says it may play a part, without claiming it is the cause"
    TENDS_TO = "tends to", "says it tends to happen, not that it always does"
    CAN = "can", "says it can happen, not that it always does"
    CAN_SUPPORT = "can support", "says it can support it, not that it always does"
    CONTRIBUTE_TO = "contribute to", "says it is one contributor among others"
    TABLE_ONLY = "table only", "lists it only in a summary table, with no claim in its text"


class Reference(models.Model):
    key = models.CharField(max_length=12, unique=True, help_text="e.g. FER07")
    authors = models.CharField(max_length=200)
    title = models.CharField(max_length=300)
    venue = models.CharField(max_length=200, blank=True)
    volume_pages = models.CharField(
        "volume:pages",
        max_length=40,
        blank=True,
        help_text="e.g. 43:1334–1359, or 11:e0163037 for an article number.",
    )
    year = models.PositiveSmallIntegerField()
    doi_or_url = models.CharField("DOI or URL", max_length=300, blank=True)
    link_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Say so when the link leads to another work than this one (a table, a "
        "validation study).",
    )

    class Meta:
        ordering = ["authors", "year"]

    def __str__(self):
        return f"{self.authors} ({self.year}). {self.title}"

    @property
    def link(self) -> str:
        if self.doi_or_url.startswith(("http://", "https://")):
            return self.doi_or_url
        if self.doi_or_url.startswith("10."):
            return f"https://doi.org/{self.doi_or_url}"
        return ""


class Section(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300, help_text="One or two plain sentences.")
    body = models.TextField(help_text="Markdown. Rendered and sanitised when saved.")
    body_html = models.TextField(editable=False, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    published = models.BooleanField(default=True)
    updated = models.DateTimeField(auto_now=True)
    references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="sections",
        verbose_name="evidence for the claims",
        help_text="Studies that support or test what the section says.",
    )
    threshold_references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="threshold_for_sections",
        verbose_name="where the thresholds come from",
        help_text="Standards and instruments behind the app's cut-offs and scales, not "
        "evidence for the article's claims.",
    )

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("content:section", args=[self.slug])


class Effect(models.Model):
    slug = models.SlugField(unique=True, help_text="A slug of effect-rules.md; never rename.")
    name = models.CharField(max_length=80)
    category = models.CharField(max_length=60)
    benefit = models.CharField(max_length=300, help_text="The claimed benefit, one sentence.")
    timescale = models.CharField(max_length=7, choices=Timescale.choices)
    article_wording = models.CharField(max_length=16, choices=Wording.choices)
    evidence_grade = models.CharField(max_length=1, choices=Grade.choices)
    grade_reason = models.CharField(max_length=300)
    grade_detail = models.CharField(
        max_length=200,
        blank=True,
        help_text="When parts of the claim differ in evidence, the grades in words, e.g. "
        "'A for the rise in the blood, C for an effect in the brain'. Shown instead of the "
        "single letter.",
    )
    direction = models.CharField(
        max_length=4,
        choices=Direction.choices,
        default=Direction.UP,
        help_text="The arrow on a tag. No arrow where the article names no direction.",
    )
    change = models.CharField(
        "direction words",
        max_length=60,
        blank=True,
        help_text="What the article says changes, in a few words: 'inflammation lower', "
        "'stress response calmer', 'oestrogen changed'.",
    )
    caveat = models.TextField(
        blank=True,
        help_text="What a reader should keep in mind: reversals, null results, limits.",
    )
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="effects")
    references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="effects",
        verbose_name="evidence for the claim",
        help_text="Studies that support or test the claim, or its caveat.",
    )
    threshold_references = models.ManyToManyField(
        Reference,
        blank=True,
        related_name="threshold_for_effects",
        verbose_name="where the thresholds come from",
        help_text="Standards behind the rule's cut-offs (weekly minutes, days, intensity "
        "classes), not evidence that the effect happens.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)  # read by content_version()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(evidence_grade__in=["A", "B", "C"]),
                name="content_effect_grade_valid",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:effect", args=[self.slug])

    @property
    def arrow(self) -> str:
        return {Direction.UP: "↑", Direction.DOWN: "↓"}.get(self.direction, "")

    @property
    def change_words(self) -> str:
        return self.change or self.name

    @property
    def grade_words(self) -> str:
        """The evidence in words: the split grades where there are some, else the letter's
        meaning."""
        return self.grade_detail or GRADE_WORDS.get(self.evidence_grade, "")

    @property
    def rules(self):
        """The tagging rules that give this effect, with their plain-words conditions."""
        from journal.tagging import RULES

        return [rule for rule in RULES if rule.effect == self.slug]


class ChartPlacement(models.Model):
    """Which section's explanation sits beside which dashboard chart."""

    chart_key = models.CharField(max_length=30, unique=True, choices=list(CHART_KEYS.items()))
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="placements")
    updated = models.DateTimeField(auto_now=True)  # read by content_version()

    class Meta:
        ordering = ["chart_key"]

    def __str__(self):
        return f"{self.get_chart_key_display()} ← {self.section}"


def content_version() -> tuple:
    """A fingerprint of the content the dashboard shows (sections, effects, chart
    placements), in one query: each table's row count and latest `updated`. Saving in the
    admin moves it, so a page cached under it (journal.views.common.page_name) shows an
    edit at once. A data migration that edits these rows with QuerySet.update() must set `updated`.
    """
    quote = connection.ops.quote_name
    parts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(table)}), (SELECT MAX(updated) FROM {quote(table)})"
        for table in (model._meta.db_table for model in (Section, Effect, ChartPlacement))
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")  # table names from the models, not input
        return tuple(cursor.fetchone())
