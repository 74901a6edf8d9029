from django import template

from journal.forms import KM_PER_MILE

register = template.Library()

# Effects whose predicted change is a decrease: a calmer stress response and
# less inflammation. Every other effect is predicted to rise.
LOWERED = {"hpa_recalibration", "anti_inflammatory"}


@register.filter
def in_unit(km, unit):
    """A distance stored in kilometres, shown in the person's unit."""
    if km is None:
        return None
    return km / KM_PER_MILE if unit == "mi" else km


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None


@register.inclusion_tag("journal/includes/tag_chip.html")
def tag_chip(tag, effects):
    effect = effects.get(tag.effect) if effects else None
    return {
        "tag": tag,
        "effect": effect,
        "name": effect.name if effect else tag.effect,
        "lowered": tag.effect in LOWERED,
    }
