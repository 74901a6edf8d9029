"""The rating scales as the forms draw them: each number's words (its verbal anchors,
with the scale's source) and the row of large tap targets that shows them."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

# Verbal anchors of each scale, shown under the numbers.
FEELING_ANCHORS = {  # Feeling Scale [HR89]
    -5: "very bad",
    -3: "bad",
    -1: "fairly bad",
    0: "neutral",
    1: "fairly good",
    3: "good",
    5: "very good",
}
EFFORT_ANCHORS = {  # Borg CR-10 as used for session RPE [FOS01]
    0: "rest",
    1: "very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    7: "very hard",
    10: "maximal",
}
AROUSAL_ANCHORS = {1: "low", 6: "high"}  # Felt Arousal Scale [SM85]
MOOD_ANCHORS = {1: "awful", 2: "low", 3: "okay", 4: "good", 5: "great"}
SLEEP_ANCHORS = {0: "terrible", 5: "fair", 10: "excellent"}  # [SNY18]
ITEM_ANCHORS = {1: "very low", 5: "very high"}


SCALE_OPTION = (
    '<label for="{}"><input type="radio" name="{}" value="{}"{}><span>{}{}</span></label>'
)


class ScaleWidget(forms.RadioSelect):
    """A row of large tap targets, each number with its verbal anchor.

    Rendered in Python: the dashboard shows over a hundred of these options,
    and a template per option made it several times slower.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group, _index in widget["optgroups"] for option in group]
        return format_html(
            '<div class="scale-options scale-{}">{}</div>',
            len(options),
            format_html_join(
                "",
                SCALE_OPTION,
                (
                    (
                        option["attrs"]["id"],
                        option["name"],
                        option["value"],
                        flatatt(option["attrs"]),
                        "–" if option["value"] == "" else option["value"],
                        format_html("<small>{}</small>", option["label"])
                        if option["label"]
                        else "",
                    )
                    for option in options
                ),
            ),
        )


def scale_field(
    low, high, anchors, *, required=True, asks="a number", **kwargs
) -> forms.TypedChoiceField:
    """`asks` completes "Choose ..." in the field's own messages: "how you felt before"."""
    choices = [(value, anchors.get(value, "")) for value in range(low, high + 1)]
    if not required:
        choices = [("", "skip"), *choices]
    span = f"from {low:+d} to {high:+d}" if low < 0 else f"from {low} to {high}"
    return forms.TypedChoiceField(
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=ScaleWidget,
        error_messages={
            "required": f"Choose {asks}, {span}.",
            "invalid_choice": f"Choose {asks} {span}; %(value)s is not one of them.",
        },
        **kwargs,
    )
