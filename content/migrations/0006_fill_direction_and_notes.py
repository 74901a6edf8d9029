# ruff: noqa: E501 - prose reads better unwrapped
"""Fill the fields added in 0005: each effect's direction (arrow and words), its split
grades in words, what to keep in mind, and the references whose link leads elsewhere.

Our own words, from effect-rules.md sections 1, 2, 3 and 5. A field staff have already
filled in the admin is left alone; going back empties only what this filled.
"""

from django.db import migrations

# slug: (arrow, direction words, split grades in words, what to keep in mind)
EFFECTS = {
    "catecholamines": (
        "up",
        "adrenaline higher",
        "",
        "Measured in the blood. During exercise most of the noradrenaline comes from nerve endings, not from the adrenal glands.",
    ),
    "endorphins": (
        "up",
        "endorphins higher",
        "",
        "The feel-good story is doubtful: the lift in mood after running remained when opioid receptors were blocked, and after intervals the brain's opioid release went with worse feelings, not better.",
    ),
    "endocannabinoids": (
        "up",
        "endocannabinoids higher",
        "",
        "The direction can reverse over time: long-term endurance training lowered resting endocannabinoid levels. The rise after a session was seen with moderate running, not with walking or all-out efforts.",
    ),
    "cortisol_acute": (
        "up",
        "cortisol briefly higher",
        "",
        "A short rise is a normal part of hard exercise. Over months of regular training the reaction to everyday stress is reported to calm, not to grow.",
    ),
    "hpa_recalibration": (
        "none",
        "stress response calmer",
        "",
        "Only about half of the studies of trained people found a calmer reaction to a lab stress test. Cortisol still rises during each hard session.",
    ),
    "testosterone": (
        "none",
        "testosterone supported",
        "",
        "Lifting raises testosterone for a short while, but resting levels often stay the same and the short peaks do not add muscle. Years of very heavy endurance training can lower it. Training more is not a way to raise hormones.",
    ),
    "ovarian_balance": (
        "none",
        "oestrogen changed",
        "B for a small change in oestradiol, C for 'balance'",
        "In the trial the change was a fall of about 7% in oestradiol, in postmenopausal women, and twice the exercise added nothing. Too little food for the training done can disrupt the cycle: missed periods are a reason to see a clinician, not to train more.",
    ),
    "growth_hormone": (
        "up",
        "growth hormone briefly higher",
        "",
        "These short peaks do not add muscle or strength.",
    ),
    "dopamine": (
        "up",
        "dopamine higher",
        "",
        "Brain imaging of regular runners found no measurable dopamine release after half an hour of running. The article's own source for brain messengers is a review of animal models.",
    ),
    "serotonin": (
        "up",
        "serotonin higher",
        "",
        "The evidence comes mainly from animals; the article's own source for these messengers is a 1988 review of animal models.",
    ),
    "gaba": (
        "up",
        "GABA higher",
        "",
        "Measured with brain scans after single sessions; evidence over months is limited.",
    ),
    "bdnf": (
        "up",
        "BDNF higher in the blood",
        "A for a rise in the blood (small at rest), not shown in the brain",
        "Some of the BDNF in the blood comes from outside the brain, so a rise there is not proof of a rise in the brain. The effect is smaller in women and after strength training.",
    ),
    "insulin_sensitivity": (
        "up",
        "insulin sensitivity better",
        "A for better blood sugar handling, not for the links to mood or thinking",
        "The gain fades within two to three days without another session.",
    ),
    "irisin": (
        "up",
        "irisin slightly higher",
        "",
        "Early blood tests for irisin were unreliable, and one research team called it a myth. Its effect on the brain was shown in mice.",
    ),
    "fgf21": (
        "up",
        "FGF21 briefly higher",
        "B for the rise after a session; no clear change at rest",
        "Most FGF21 comes from the liver. Resting levels showed no clear overall change with training in a 2024 meta-analysis.",
    ),
    "il6": (
        "up",
        "IL-6 briefly higher",
        "A for the rise in the blood, C for an effect in the brain",
        "The direction reverses with training: each long session raises IL-6 for a while, but months of regular training lower resting IL-6.",
    ),
    "ampk_signaling": (
        "up",
        "muscle energy sensor switched on",
        "",
        "Shown in muscle; effects beyond muscle are inferred.",
    ),
    "mito_biogenesis": (
        "up",
        "more mitochondria in muscle",
        "A in muscle, C for nerve cells",
        "The step from muscle to better messenger production in nerve cells has not been shown.",
    ),
    "anti_inflammatory": (
        "down",
        "inflammation lower",
        "",
        "Each long session briefly raises IL-6, an inflammation-related signal; the lower resting level comes with months of training.",
    ),
    "rx_5ht1a": (
        "up",
        "more 5-HT1A receptors",
        "",
        "Shown as gene activity in rats; another rat study found less of this receptor in the amygdala after treadmill training.",
    ),
    "rx_d2": (
        "up",
        "D2 receptors more available",
        "",
        "Shown in a mouse model of Parkinson's disease; in people only as a cross-sectional link.",
    ),
    "rx_gaba_a": (
        "none",
        "GABA-A receptor makeup changed",
        "",
        "In rats the subunits changed in different directions in different brain regions.",
    ),
    "rx_cb1": (
        "up",
        "more CB1 receptors",
        "",
        "Seen in rats after about a week of running.",
    ),
    "bdnf_methylation": (
        "none",
        "marks on the BDNF gene changed",
        "",
        "Shown in rodents only; nothing comparable has been measured in human brains.",
    ),
}

LINK_NOTES = {
    "SM85": "The link leads to a 2024 validation study of the arousal scale, not to this paper.",
    "ACSM18": "The link leads to a table in another paper that sets out this book's intensity classes, not to the book.",
    "HEL22": "The link leads to the intensity table of the paper.",
}


def fill(apps, schema_editor):
    Effect = apps.get_model("content", "Effect")
    for effect in Effect.objects.filter(slug__in=EFFECTS):
        direction, change, grade_detail, caveat = EFFECTS[effect.slug]
        # "up" is the column default: only a row still on it is untouched.
        if effect.direction == "up":
            effect.direction = direction
        effect.change = effect.change or change
        effect.grade_detail = effect.grade_detail or grade_detail
        effect.caveat = effect.caveat or caveat
        effect.save(update_fields=["direction", "change", "grade_detail", "caveat"])
    Reference = apps.get_model("content", "Reference")
    for reference in Reference.objects.filter(key__in=LINK_NOTES, link_note=""):
        reference.link_note = LINK_NOTES[reference.key]
        reference.save(update_fields=["link_note"])


def empty(apps, schema_editor):
    Effect = apps.get_model("content", "Effect")
    for effect in Effect.objects.filter(slug__in=EFFECTS):
        direction, change, grade_detail, caveat = EFFECTS[effect.slug]
        if effect.direction == direction:
            effect.direction = "up"
        for field, value in (("change", change), ("grade_detail", grade_detail), ("caveat", caveat)):
            if getattr(effect, field) == value:
                setattr(effect, field, "")
        effect.save(update_fields=["direction", "change", "grade_detail", "caveat"])
    Reference = apps.get_model("content", "Reference")
    for key, note in LINK_NOTES.items():
        Reference.objects.filter(key=key, link_note=note).update(link_note="")


class Migration(migrations.Migration):
    dependencies = [("content", "0005_effect_direction_and_notes")]

    operations = [migrations.RunPython(fill, empty)]
