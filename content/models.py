"""What the app explains: sections, effects and references, edited by staff in the admin.

Everything here is written in our own words from the article's facts and
effect-rules.md; the journal only points at it (effect slugs, chart keys).
"""

from django.db import models
from django.urls import reverse

from content.charts import CHART_KEYS
from content.markdown import render_markdown


class Grade(models.TextChoices):
    A = "A", "A: human trials or meta-analyses support it"
    B = "B", "B: human acute or cross-sectional data only"
    C = "C", "C: animal-only, contested or null in humans"


class Timescale(models.TextChoices):
    ACUTE = "acute", "During or just after a session"
    CHRONIC = "chronic", "Builds over weeks"
    BOTH = "both", "Both"


class Wording(models.TextChoices):
    """How strongly the article words a claim (effect-rules.md section 3)."""

    ASSERTED = "asserted", "stated as fact"
    WELL_DOCUMENTED = "well-documented", "called well documented"
    CONSISTENTLY = "consistently", "said to happen consistently"
    HAS_BEEN_SHOWN = "has been shown", "said to have been shown"
    IMPLICATED = "implicated", "said to be implicated"
    TENDS_TO = "tends to", "said to tend to happen"
    CAN = "can", "said to be possible"
    CAN_SUPPORT = "can support", "said to be able to support"
    CONTRIBUTE_TO = "contribute to", "said to contribute"
    TABLE_ONLY = "table only", "listed only in a summary table"


class Reference(models.Model):
    key = models.CharField(max_length=12, unique=True, help_text="e.g. FER07")
    authors = models.CharField(max_length=200)
    title = models.CharField(max_length=300)
    venue = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    doi_or_url = models.CharField("DOI or URL", max_length=300, blank=True)

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
    references = models.ManyToManyField(Reference, blank=True, related_name="sections")

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
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="effects")
    references = models.ManyToManyField(Reference, blank=True, related_name="effects")
    position = models.PositiveSmallIntegerField(default=0)

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
    def rules(self):
        """The tagging rules that give this effect, with their plain-words conditions."""
        from journal.tagging import RULES

        return [rule for rule in RULES if rule.effect == self.slug]


class ChartPlacement(models.Model):
    """Which section's explanation sits beside which dashboard chart."""

    chart_key = models.CharField(max_length=30, unique=True, choices=list(CHART_KEYS.items()))
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="placements")

    class Meta:
        ordering = ["chart_key"]

    def __str__(self):
        return f"{self.get_chart_key_display()} ← {self.section}"
