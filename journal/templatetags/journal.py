from datetime import date

from django import template
from django.utils import timezone

from journal import insights
from journal.core import words
from journal.core.forms import KM_PER_MILE
from journal.dashboard import patterns

register = template.Library()


@register.filter
def in_unit(km, unit):
    """A distance stored in kilometres, shown in the person's unit."""
    if km is None:
        return None
    return km / KM_PER_MILE if unit == "mi" else km


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None


def prediction_words(effect, slug: str) -> dict:
    """What every chip and long-term line says of an effect: the article's hedge, the
    direction words and arrow, and the evidence grade (an effect the content no longer has
    reads as hedged and ungraded)."""
    if effect is None:
        return {"hedge": patterns.UNKNOWN_HEDGE, "change": slug, "arrow": "", "grade": "?"}
    return {
        "hedge": patterns.hedge(effect.article_wording),
        "change": effect.change_words,
        "arrow": effect.arrow,
        "grade": effect.evidence_grade,
        "wording": effect.get_article_wording_display(),
        "grade_words": effect.grade_words,
    }


@register.inclusion_tag("journal/includes/tag_chip.html")
def tag_chip(tag, effects):
    effect = effects.get(tag.effect) if effects else None
    words = prediction_words(effect, tag.effect)
    return {
        "tag": tag,
        "effect": effect,
        **words,
        "when": patterns.when_words(tag.timescale, tag.status, words["grade"]),
    }


@register.simple_tag
def effect_words(effect):
    """How a tag of this effect reads, for its Learn page."""
    return prediction_words(effect, effect.slug)


@register.simple_tag
def long_term_words(item):
    """A long-term line's prediction words and its state (grade C: present or not)."""
    words = prediction_words(item["effect"], item["slug"])
    return {**words, "when": patterns.when_words("chronic", item["state"], words["grade"])}


@register.inclusion_tag("journal/includes/tag_chips.html")
def tag_chips(tags, effects):
    """A session row's chips: three acute ones in view, the rest folded."""
    return {
        "chips": patterns.session_chips(tags, patterns.evidence_orders(effects)),
        "effects": effects,
    }


@register.simple_tag
def ordered_chips(tags, effects):
    """The same grouping for pages that lay the tags out themselves."""
    return patterns.session_chips(tags, patterns.evidence_orders(effects), visible=len(tags))


@register.filter
def day(value):
    """A date as a person reads it: "Wed 2 Dec" (journal.words.day); "" for none."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return words.day(value, timezone.localdate())


@register.filter
def counted(number, noun):
    """ "1 session", "2 sessions": `noun` is "session" or "singular,plural"."""
    singular, _, plural = str(noun).partition(",")
    return words.count(int(number or 0), singular, plural or None)


@register.filter
def agreeing(number, forms_):
    """The word agreeing with `number`: {{ n|agreeing:"has,have" }}."""
    singular, _, plural = str(forms_).partition(",")
    return words.verb(int(number or 0), singular, plural)


@register.filter
def with_article(word):
    return words.with_article(str(word))


@register.filter
def plain_type(name):
    """An app's activity type in plain words (journal.words.plain_type)."""
    return words.plain_type(str(name))


@register.inclusion_tag("journal/insights/includes/your_data.html", takes_context=True)
def your_data(context, effect):
    """A Learn page's "Your data" block: the Insights claims that test this effect, on the
    logged-in person's journal. Registered here so that content's views import nothing
    of the journal's: its template loads the tag."""
    user = context["request"].user
    claims, caveats = insights.claims_about(user, effect) if user.is_authenticated else ([], [])
    return {"effect": effect, "your_claims": claims, "caveats": caveats}
