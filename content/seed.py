# ruff: noqa: E501 - prose and citations read better unwrapped
"""The seeded Learn content: sections, effects, references and chart placements.

Plain data read by the 0002 data migration. Every sentence is our own,
written from the facts of ../shared/reference/article.txt and
../shared/design/effect-rules.md; none is quoted. Staff edit all of it in
the admin afterwards.
"""

# (slug, title, summary, body in Markdown, reference keys)
SECTIONS = [
    (
        "what-movement-does",
        "What a workout sets in motion",
        "Training is a signal the body answers with chemistry, within minutes and over months.",
        """
Most people notice that they feel different after moving: lighter, clearer, sometimes
pleasantly tired. The article this app follows explains that feeling as chemistry. Working
muscles and a busy heart send signals that the brain and the glands answer, and the answer
comes at two speeds:

- **Within minutes**, stress hormones and brain messengers rise and fall again.
- **Over weeks of regular practice**, the systems that make and receive those messengers
  adjust, so the same workout (and the same stressful day) lands differently.

The app keeps those two speeds apart. A tag marked *this session* is a short-term
prediction; one marked *building* or *sustained* depends on the pattern of your last
four to twelve weeks.

The article is enthusiastic, and not every claim in it is equally well supported. Each
effect in Learn carries an evidence grade so you can see which claims rest on human trials
and which on animal studies.
""",
        ["ACSM11", "WHO20"],
    ),
    (
        "messengers",
        "Two messaging systems",
        "Hormones travel in the blood and act slowly; neurotransmitters jump between nerve cells in milliseconds.",
        """
The article leans on two kinds of chemical messenger.

**Hormones** are released by glands into the bloodstream and reach almost every organ.
They act over minutes to days: adrenaline readies the body, cortisol shifts fuel use,
testosterone and oestrogen shape longer-term tissue changes.

**Neurotransmitters** work inside the nervous system, passing a signal across the small
gap between one nerve cell and the next. Dopamine, serotonin and GABA are the ones the
article returns to most.

During exercise the two systems influence each other. Muscle contraction releases its own
signalling molecules (called myokines), which reach the brain and the glands and feed into
both systems. That is why the app's effects span hormones, brain messengers, muscle
signals and, further out, the receptors and genes that decide how strongly a message is
heard.

A caution that runs through the whole app: most of these substances are measured in
blood, not in the brain. A rise in the blood is not proof of a rise where mood is made.
""",
        ["SZU15"],
    ),
    (
        "first-minutes",
        "The first minutes: adrenaline, endorphins and the runner's high",
        "Effort triggers a fast stress-hormone surge, and long or hard sessions may bring the brain's own pain-relieving chemistry.",
        """
As a session starts, the adrenal glands release **adrenaline and noradrenaline**. Heart
rate climbs, stored fuel is freed and alertness sharpens. This is among the best-measured
responses in exercise science: the rise grows with intensity and duration, and
noradrenaline already roughly doubles at gentle effort.

The article also credits **endorphins** with the glow after exercise: less pain, a lift
in mood and a pull to come back. The evidence is more mixed than that story suggests.
Blood endorphins rose within a quarter of an hour at around 70% of aerobic capacity but not
during half an hour at 60%; brain imaging found opioid release after two hours of running
and after intervals, and in the interval study it went with *worse* feelings, not better.
When opioid receptors were blocked, people still felt the post-run euphoria.

**Endocannabinoids**, the body's cannabis-like messengers, rise after half an hour or more
of moderate running but not after walking or all-out efforts, and many researchers now
think they explain the runner's high better than endorphins do.

Beside this section, the dashboard shows how your feeling changed across each session,
coloured by intensity. Expect the harder sessions to feel worse *during* and often better
*after*: effort above your breathing threshold usually dents pleasure while it lasts.
""",
        ["ZOU08", "MCM87", "GOL90", "BOE08", "SAA18", "SIE21", "RAI13", "EKK11"],
    ),
    (
        "hormonal-axes",
        "Stress and sex-hormone axes",
        "Cortisol spikes during hard sessions, while regular moderate training is linked to a calmer stress response; sex hormones respond too, within limits.",
        """
The **HPA axis** (hypothalamus, pituitary, adrenal glands) is the body's stress system,
and cortisol is its main output. A hard workout of half an hour or more raises cortisol for
a while; easy effort does not. With months of regular moderate training, the article says
the axis tends to respond more calmly to everyday stress and to keep a healthier daily
cortisol rhythm. Trained men did show smaller cortisol and heart-rate responses to a lab
stress test, but only about half of such studies agree, so the app marks this with grade B
and the article's own hedge ("tends to").

The **sex-hormone axes** also respond:

- For men, the article says regular strength training can support healthy testosterone.
  Lifting does raise testosterone briefly, but resting levels often stay the same, and the
  brief peaks do not add muscle. Years of very heavy endurance training can lower it.
- For women, it says suitable training contributes to hormonal balance, especially around
  menopause. In one year-long trial about three hours a week of aerobic exercise lowered
  oestradiol by about 7% in postmenopausal women; doubling the dose added nothing. Too
  little food for the training done can disrupt the cycle.

The app never suggests more training for hormonal reasons. If you track your cycle and
report a missed period, the ovarian-balance tag switches off. Missed periods are a reason
to see a clinician, not to train harder.

Beside this section, the dashboard shows your mood and stress over time, with shading
where regular moderate training was sustained.
""",
        [
            "HIL08",
            "JAC02",
            "RIM07",
            "MUC18",
            "KR05",
            "MCC99",
            "WES10",
            "HAC08",
            "FRI10",
            "FRI15",
            "MOU23",
        ],
    ),
    (
        "neurotransmitters",
        "Dopamine, serotonin, GABA and BDNF",
        "The article links intervals and lifting to dopamine, steady cardio to serotonin, hard efforts and yoga to GABA, and most training to BDNF.",
        """
This is the article's core claim: different kinds of training favour different brain
messengers.

- **Dopamine** (motivation, focus, reward): the article says intervals and strength work
  *can* raise it. A brain-imaging study of habitual runners found no measurable dopamine
  release after half an hour of running, so the evidence grade is C.
- **Serotonin** (mood, sleep, appetite): the article states that sustained moderate cardio
  raises it. The support comes mainly from animal work and indirect human data (grade C).
- **GABA** (calm): cortical GABA rose after vigorous exercise, and an hour of yoga raised
  GABA in the thalamus; twelve weeks of yoga three times a week beat walking for mood and
  anxiety (grade B).
- **BDNF** (growth and plasticity of nerve cells): among the best-supported effects. Half
  an hour above the breathing threshold raised blood BDNF by about 13%, and meta-analyses
  confirm a moderate acute rise and a small resting rise with aerobic training, less so with
  strength training and in women (grade A, small effect).
- **Insulin sensitivity**: a session of half an hour or more improves how the body handles
  glucose for two to three days, and regular training keeps it up; the article ties this to
  steadier energy and mood (grade A for the metabolic change).

Beside this section the dashboard shows your weekly moderate-equivalent minutes against
the 150-minute guideline, with each hard minute counted twice.
""",
        ["WAN00", "YOU07", "MAD16", "STR10", "FER07", "SZU15", "DIN16", "WAY16", "COL16", "WHO20"],
    ),
    (
        "muscle-signals",
        "Muscle as a signalling organ",
        "Working muscle releases messengers of its own, and the energy sensors it switches on drive the growth of new mitochondria.",
        """
Muscle is not only an engine. When it works it releases signalling proteins, and its
energy sensors set off changes elsewhere.

- **AMPK and PGC-1α**: when a muscle cell runs low on energy, AMPK switches on glucose
  uptake and, through PGC-1α, the building of new mitochondria. The harder the session, the
  stronger the signal; ten days of intensified training raised mitochondrial proteins.
  Well shown in muscle; the article's step to better neurotransmitter production in
  neurons is not.
- **Irisin**: a fragment cut from a muscle protein that, in mice, raised BDNF in the
  hippocampus. In people the picture is murky: early blood tests were unreliable, one team
  called it a myth, and mass spectrometry finds only a small rise with interval training
  (grade C).
- **IL-6**: rises with long sessions that use large muscle groups, more with duration than
  with intensity. Paradoxically, regular training lowers resting IL-6.
- **FGF21**: rose after runs at both moderate and hard effort in people, though most of it
  comes from the liver; resting levels fall with training.
- **Growth hormone**: released when effort passes the lactate threshold for ten minutes or
  more, or during high-volume lifting with short rests.

Beside this section, the dashboard shows your weekly training load with Foster's monotony
and strain: a sustainable pattern mixes harder and easier days.
""",
        [
            "NOR10",
            "STE12",
            "WRA13",
            "JED15",
            "ALB15",
            "ALB20",
            "FIS06",
            "KIM13",
            "TAN16",
            "FGF24",
            "FEL92",
            "PRI99",
            "FOS01",
        ],
    ),
    (
        "epigenetics",
        "Lasting marks: epigenetics and inflammation",
        "Regular activity may leave chemical marks on genes such as BDNF's, and it lowers background inflammation.",
        """
Epigenetic marks are chemical tags on DNA and its packaging that change how readily a gene
is read, without changing the gene itself. The article suggests exercise leaves such marks
on the BDNF gene, a kind of memory of past activity that keeps mood and thinking supported.
The evidence comes from rodents, where running changed these marks within one to three
weeks (grade C); nothing comparable has been shown in human brains.

Inflammation is better understood. Each long session briefly raises IL-6, yet regular
training lowers resting inflammatory markers, which the article links to protecting the
brain's chemical pathways (grade B). Direction matters here: short-term rises and
long-term falls are both part of the same adaptation.
""",
        ["GOM11", "INT13", "GLE11", "FIS06"],
    ),
    (
        "receptors",
        "Receptors that adapt",
        "With weeks of training the receivers of brain messages may change, not only the amount of message sent; almost all of this evidence is from animals.",
        """
A messenger only works if a receptor picks it up. The article claims that regular
exercise changes the receptors themselves:

- **5-HT1A** (a serotonin receptor linked to anxiety): changed in rats after six weeks of
  wheel running, but not earlier; another rat study found the opposite direction in the
  amygdala.
- **Dopamine D2**: rose with intense running in a mouse model of Parkinson's disease;
  physically active older people had D2 levels that looked younger, a cross-sectional link
  only.
- **GABA-A** subunits changed region by region after four weeks of running in rats.
- **CB1** (the main cannabinoid receptor) binding rose after about a week of running in
  rats.

All four carry grade C. A session that fits the pattern shows them as *building*; they
count as *sustained* only once the pattern has held in three of the last four weeks
(GABA-A, CB1) or five of the last six (5-HT1A, D2). Beside this section, the dashboard
counts your predicted effects week by week, short-term and long-term.
""",
        ["GRE05", "NLM08", "VUC10", "DAN17", "HILLE10", "SCH13", "HILMN10"],
    ),
    (
        "reading-the-tags",
        "How to read the tags",
        "Tags are the article's predictions for sessions like yours, graded for evidence; your own charts show associations, not causes.",
        """
**What a tag means.** A tag says the article predicts an effect for a session like the one
you logged. It is not a measurement of your body. The app never states a claim more
strongly than the article does, and shows how the article words it (from "stated as fact"
down to "listed only in a table").

**Evidence grades.**

| Grade | Meaning |
| --- | --- |
| A | Human trials or meta-analyses support the change. |
| B | Only short-term or cross-sectional human data, or the link to the benefit is unproven. |
| C | Animal studies only, contested results, or null results in people. |

**Short-term and long-term.** *This session* tags follow from one workout. *Building*
means your recent weeks contribute but the pattern is not yet complete; *sustained* means
it has held; *lapsed* means it held before and your recent weeks no longer meet it.

**Your own data.** The charts compare days and sessions in your journal. A difference
between them is an association: days you train may differ in many other ways. Small
samples mislead; the app says so when there are too few observations. Beside this
section, the dashboard shows how your check-ins went on the day after each kind of
activity: read it with that caution in mind.

**Caveats we want you to know.**

- The source article is a commercial wellness piece that also promotes peptide therapies,
  which the app does not tag. At least one of its references cannot be found as cited:
  it lists "License to learn" (2009), and the nearest real paper by those authors is
  "License to run" (2005).
- Much of the brain chemistry is shown in animals; blood levels are not brain levels.
- Several effects reverse direction with training: IL-6 and FGF21 rise after a session but
  fall at rest over months, cortisol spikes while the stress response calms, and long-term
  endurance training lowered resting endocannabinoids.
- Heavy training with too little food can suppress sex hormones in anyone. More is not
  better for hormones.
- Effects on anxiety after one session are small on average, so many sessions are needed
  before your data can show them.

**Not medical advice.** If you have a heart, metabolic or hormonal condition, are
pregnant, or notice missed periods, lasting fatigue or low mood, talk to a clinician
before changing how you train.
""",
        ["NOE24", "ENS15", "KRE15", "EKK11", "SIE23", "HAC08", "MOU23"],
    ),
]

# chart key -> the section placed beside it (effect-rules.md section 4.4)
PLACEMENTS = {
    "feeling-change": "first-minutes",
    "mood-stress": "hormonal-axes",
    "weekly-minutes": "neurotransmitters",
    "outcomes-by-activity": "reading-the-tags",
    "training-load": "muscle-signals",
    "effects-timeline": "receptors",
}

# (key, authors, title, venue, year, DOI or URL): the Sources of effect-rules.md
REFERENCES = [
    (
        "ACSM11",
        "Garber CE et al.",
        "Quantity and quality of exercise… ACSM Position Stand",
        "MSSE",
        2011,
        "10.1249/MSS.0b013e318213fefb",
    ),
    (
        "ACSM18",
        "American College of Sports Medicine",
        "ACSM's Guidelines for Exercise Testing and Prescription, 10th edition",
        "Wolters Kluwer",
        2018,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC8581515/table/T1",
    ),
    (
        "WHO20",
        "Bull FC et al.",
        "WHO 2020 guidelines on physical activity and sedentary behaviour",
        "BJSM",
        2020,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC7719906",
    ),
    (
        "PAG18",
        "US Department of Health and Human Services",
        "Physical Activity Guidelines for Americans, 2nd edition",
        "US HHS",
        2018,
        "https://health.gov/our-work/nutrition-physical-activity/physical-activity-guidelines",
    ),
    (
        "CPA24",
        "Herrmann SD et al.",
        "2024 Adult Compendium of Physical Activities",
        "J Sport Health Sci",
        2024,
        "https://pacompendium.com",
    ),
    ("TAN01", "Tanaka H et al.", "Age-predicted maximal heart rate revisited", "JACC", 2001, ""),
    (
        "HEL22",
        "Heliyon authors",
        "Intensity table relating %1RM and CR-10 ratings",
        "Heliyon",
        2022,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC9618974/table/tbl4",
    ),
    (
        "COA23",
        "Coates AM et al.",
        "A perspective on HIIT for performance and health",
        "Sports Med",
        2023,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC10721680",
    ),
    (
        "COL16",
        "Colberg SR et al.",
        "Physical activity/exercise and diabetes: ADA position statement",
        "Diabetes Care",
        2016,
        "10.2337/dc16-1728",
    ),
    (
        "MOU23",
        "Mountjoy M et al.",
        "2023 IOC consensus on REDs",
        "BJSM",
        2023,
        "10.1136/bjsports-2023-106994",
    ),
    (
        "HR89",
        "Hardy CJ, Rejeski WJ",
        "Not what, but how one feels",
        "JSEP",
        1989,
        "https://journals.humankinetics.com/abstract/journals/jsep/11/3/article-p304.xml",
    ),
    (
        "SM85",
        "Svebak S, Murgatroyd S",
        "Metamotivational dominance",
        "J Pers Soc Psychol",
        1985,
        "https://mdpi.com/2076-328X/14/4/317",
    ),
    (
        "FOS01",
        "Foster C et al.",
        "A new approach to monitoring exercise training",
        "JSCR",
        2001,
        "",
    ),
    (
        "FOS21",
        "Foster C et al.",
        "25 years of session RPE",
        "IJSPP",
        2021,
        "10.1123/ijspp.2020-0599",
    ),
    (
        "SNY18",
        "Snyder E et al.",
        "A new single-item Sleep Quality Scale",
        "J Clin Sleep Med",
        2018,
        "10.5664/jcsm.7478",
    ),
    (
        "EKK11",
        "Ekkekakis P et al.",
        "The pleasure and displeasure people feel…",
        "Sports Med",
        2011,
        "10.2165/11590680-000000000-00000",
    ),
    (
        "BOE08",
        "Boecker H, Sprenger T, Spilker ME",
        "The runner's high: opioidergic mechanisms…",
        "Cereb Cortex",
        2008,
        "10.1093/cercor/bhn013",
    ),
    (
        "GOL90",
        "Goldfarb AH et al.",
        "Plasma β-endorphin: response to intensity and duration",
        "MSSE",
        1990,
        "https://pubmed.ncbi.nlm.nih.gov/2141380/",
    ),
    (
        "MCM87",
        "McMurray RG et al.",
        "Exercise intensity-related responses of β-endorphin and catecholamines",
        "MSSE",
        1987,
        "10.1249/00005768-198712000-00005",
    ),
    (
        "SAA18",
        "Saanijoki T et al.",
        "Opioid release after HIIT in healthy humans",
        "Neuropsychopharmacology",
        2018,
        "10.1038/npp.2017.148",
    ),
    (
        "RAI13",
        "Raichlen DA et al.",
        "Exercise-induced endocannabinoid signaling is modulated by intensity",
        "Eur J Appl Physiol",
        2013,
        "10.1007/s00421-012-2495-5",
    ),
    (
        "SPA03",
        "Sparling PB et al.",
        "Exercise activates the endocannabinoid system",
        "Neuroreport",
        2003,
        "https://pubmed.ncbi.nlm.nih.gov/14625449/",
    ),
    (
        "SIE21",
        "Siebers M et al.",
        "Exercise-induced euphoria and anxiolysis do not depend on endogenous opioids in humans",
        "Psychoneuroendocrinology",
        2021,
        "10.1016/j.psyneuen.2021.105173",
    ),
    (
        "SIE23",
        "Siebers M et al.",
        "Do endocannabinoids cause the runner's high?",
        "Neuroscientist",
        2023,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC10159215/",
    ),
    (
        "DES22",
        "Desai S et al.",
        "Meta-analysis: exercise and the endocannabinoid system",
        "Cannabis Cannabinoid Res",
        2022,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC9418357",
    ),
    (
        "WAN00",
        "Wang GJ et al.",
        "PET studies of aerobic exercise on human striatal dopamine release",
        "J Nucl Med",
        2000,
        "",
    ),
    (
        "DAN17",
        "Dang LC et al.",
        "Reduced effects of age on dopamine D2 receptor levels in physically active adults",
        "NeuroImage",
        2017,
        "",
    ),
    (
        "VUC10",
        "Vučković MG et al.",
        "Exercise elevates dopamine D2 receptor in a mouse model of PD",
        "Mov Disord",
        2010,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC3273304",
    ),
    (
        "NLM08",
        "Neurobiology of Learning and Memory authors",
        "Treadmill exercise enhances passive avoidance learning in rats: the role of down-regulated serotonin system in the limbic system",
        "Neurobiol Learn Mem",
        2008,
        "https://pubmed.ncbi.nlm.nih.gov/17892954/",
    ),
    (
        "YOU07",
        "Young SN",
        "How to increase serotonin in the human brain without drugs",
        "J Psychiatry Neurosci",
        2007,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC2077351",
    ),
    (
        "GRE05",
        "Greenwood BN et al.",
        "Wheel running alters 5-HTT, 5-HT1A, 5-HT1B… mRNA in rat raphe",
        "Biol Psychiatry",
        2005,
        "https://pubmed.ncbi.nlm.nih.gov/15737672/",
    ),
    (
        "MAD16",
        "Maddock RJ et al.",
        "Acute modulation of cortical glutamate and GABA by physical activity",
        "J Neurosci",
        2016,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC6705493",
    ),
    (
        "STR10",
        "Streeter CC et al.",
        "Yoga versus walking on mood, anxiety and brain GABA",
        "J Altern Complement Med",
        2010,
        "10.1089/acm.2010.0007",
    ),
    (
        "HILLE10",
        "Hill LE et al.",
        "Voluntary exercise alters GABA-A receptor subunit and GAD67 expression in rat forebrain",
        "J Psychopharmacol",
        2010,
        "",
    ),
    (
        "SCH13",
        "Schoenfeld TJ et al.",
        "Exercise enhances local inhibitory mechanisms in the dentate gyrus",
        "J Neurosci",
        2013,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC3865561",
    ),
    (
        "HILMN10",
        "Hill MN et al.",
        "Endocannabinoid signaling required for exercise-induced progenitor proliferation",
        "Hippocampus",
        2010,
        "https://pubmed.ncbi.nlm.nih.gov/19489006/",
    ),
    (
        "SZU15",
        "Szuhany KL et al.",
        "Meta-analytic review of exercise and BDNF",
        "J Psychiatr Res",
        2015,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4314337",
    ),
    (
        "DIN16",
        "Dinoff A et al.",
        "Exercise training and resting BDNF: meta-analysis",
        "PLoS ONE",
        2016,
        "10.1371/journal.pone.0163037",
    ),
    (
        "FER07",
        "Ferris LT et al.",
        "Acute exercise, serum BDNF and cognitive function",
        "MSSE",
        2007,
        "https://pubmed.ncbi.nlm.nih.gov/17414812/",
    ),
    (
        "GOM11",
        "Gomez-Pinilla F et al.",
        "Exercise impacts BDNF plasticity by engaging epigenetic regulation",
        "Eur J Neurosci",
        2011,
        "",
    ),
    (
        "INT13",
        "Intlekofer KA et al.",
        "Exercise and sodium butyrate enable subthreshold learning via BDNF",
        "Neuropsychopharmacology",
        2013,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC3746687",
    ),
    (
        "ZOU08",
        "Zouhal H et al.",
        "Catecholamines and the effects of exercise, training and gender",
        "Sports Med",
        2008,
        "10.2165/00007256-200838050-00004",
    ),
    (
        "HIL08",
        "Hill EE et al.",
        "Exercise and circulating cortisol levels: the intensity threshold effect",
        "J Endocrinol Invest",
        2008,
        "",
    ),
    (
        "JAC02",
        "Jacks DE et al.",
        "Effect of exercise at three intensities on salivary cortisol",
        "JSCR",
        2002,
        "",
    ),
    (
        "FEL92",
        "Felsing NE et al.",
        "Low and high intensity exercise and circulating GH",
        "JCEM",
        1992,
        "10.1210/jcem.75.1.1619005",
    ),
    (
        "PRI99",
        "Pritzlaff CJ et al.",
        "Acute exercise intensity and pulsatile GH release",
        "J Appl Physiol",
        1999,
        "",
    ),
    (
        "KR05",
        "Kraemer WJ, Ratamess NA",
        "Hormonal responses and adaptations to resistance exercise",
        "Sports Med",
        2005,
        "",
    ),
    (
        "VIL12",
        "Villanueva MG et al.",
        "Rest interval length and acute testosterone",
        "JSCR",
        2012,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4461225",
    ),
    (
        "WES10",
        "West DWD et al.",
        "Exercise-induced hormone elevations do not enhance hypertrophy or strength",
        "J Appl Physiol",
        2010,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC2885075",
    ),
    (
        "MCC99",
        "McCall GE et al.",
        "Hormonal responses to hypertrophy training",
        "Can J Appl Physiol",
        1999,
        "",
    ),
    (
        "HAC08",
        "Hackney AC",
        'The "exercise-hypogonadal male condition"',
        "J Endocrinol Invest",
        2008,
        "https://pubmed.ncbi.nlm.nih.gov/19092301/",
    ),
    (
        "FRI10",
        "Friedenreich CM et al.",
        "ALPHA trial: sex hormone changes",
        "J Clin Oncol",
        2010,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC2849767",
    ),
    (
        "FRI15",
        "Friedenreich CM et al.",
        "Exercise dose and endogenous estrogens (BETA trial)",
        "Endocr Relat Cancer",
        2015,
        "",
    ),
    (
        "RIM07",
        "Rimmele U et al.",
        "Trained men show lower cortisol responses to psychosocial stress",
        "Psychoneuroendocrinology",
        2007,
        "https://pubmed.ncbi.nlm.nih.gov/17560731/",
    ),
    (
        "MUC18",
        "Mücke M et al.",
        "Physical activity, fitness and TSST stress reactivity: systematic review",
        "Sports Med",
        2018,
        "10.1007/s40279-018-0979-0",
    ),
    (
        "WAY16",
        "Way KL et al.",
        "Regular exercise and insulin sensitivity in T2DM: meta-analysis",
        "Diabetes Metab J",
        2016,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4995180",
    ),
    (
        "FIS06",
        "Fischer CP",
        "Interleukin-6 in acute exercise and training",
        "Exerc Immunol Rev",
        2006,
        "",
    ),
    (
        "GLE11",
        "Gleeson M et al.",
        "The anti-inflammatory effects of exercise",
        "Nat Rev Immunol",
        2011,
        "10.1038/nri3041",
    ),
    (
        "NOR10",
        "Nordsborg NB et al.",
        "Relative workload determines exercise-induced PGC-1α mRNA",
        "MSSE",
        2010,
        "10.1249/MSS.0b013e3181d2d21c",
    ),
    (
        "STE12",
        "Stepto NK et al.",
        "Short-term intensified training alters PGC-1α and COXIV",
        "PLoS ONE",
        2012,
        "10.1371/journal.pone.0053080",
    ),
    (
        "WRA13",
        "Wrann CD et al.",
        "Exercise induces hippocampal BDNF through PGC-1α/FNDC5",
        "Cell Metab",
        2013,
        "10.1016/j.cmet.2013.09.008",
    ),
    (
        "JED15",
        "Jedrychowski MP et al.",
        "Circulating human irisin by tandem MS",
        "Cell Metab",
        2015,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4802359",
    ),
    (
        "ALB15",
        "Albrecht E et al.",
        "Irisin – a myth rather than an exercise-inducible myokine",
        "Sci Rep",
        2015,
        "10.1038/srep08889",
    ),
    ("ALB20", "Albrecht E et al.", "Irisin: still chasing shadows", "Mol Metab", 2020, ""),
    (
        "KIM13",
        "Kim KH et al.",
        "Acute exercise induces FGF21 in mice and healthy humans",
        "PLoS ONE",
        2013,
        "10.1371/journal.pone.0063517",
    ),
    (
        "TAN16",
        "Tanimura Y et al.",
        "Acute exercise increases FGF21",
        "Physiol Rep",
        2016,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4923231",
    ),
    (
        "FGF24",
        "Meta-analysis authors",
        "Exercise training and FGF21 in adults: a meta-analysis",
        "PMC",
        2024,
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC11212618",
    ),
    (
        "NOE24",
        "Noetel M et al.",
        "Exercise for depression: network meta-analysis",
        "BMJ",
        2024,
        "10.1136/bmj-2023-075847",
    ),
    (
        "ENS15",
        "Ensari I et al.",
        "Acute exercise and state anxiety: meta-analysis",
        "Depress Anxiety",
        2015,
        "10.1002/da.22370",
    ),
    (
        "KRE15",
        "Kredlow MA et al.",
        "Physical activity and sleep: meta-analysis",
        "J Behav Med",
        2015,
        "10.1007/s10865-015-9617-6",
    ),
]

# (slug, name, category, benefit, timescale, article wording, grade, grade reason, section, refs)
EFFECTS = [
    (
        "catecholamines",
        "Adrenaline & noradrenaline",
        "hormone",
        "A quick surge that raises heart rate, frees stored fuel and sharpens alertness.",
        "acute",
        "asserted",
        "A",
        "Measured many times in people; the rise scales with intensity and duration.",
        "first-minutes",
        ["ZOU08", "MCM87"],
    ),
    (
        "endorphins",
        "Endorphins",
        "neuropeptide",
        "Less pain and a lift in mood, which the article says makes you want to train again.",
        "acute",
        "asserted",
        "B",
        "Blood levels rise at higher intensities, but the mood link is doubtful: euphoria survived opioid blockade.",
        "first-minutes",
        ["GOL90", "BOE08", "SAA18", "SIE21"],
    ),
    (
        "endocannabinoids",
        "Endocannabinoids",
        "neuropeptide (per the article; chemically lipids)",
        "A calmer, lifted mood, easier coping with stress and some pain relief.",
        "acute",
        "table only",
        "B",
        "Rises seen in people after moderate running, not after walking or all-out efforts; the mood link is likely but unproven.",
        "first-minutes",
        ["RAI13", "SPA03", "SIE21", "DES22"],
    ),
    (
        "cortisol_acute",
        "Cortisol spike",
        "hormone",
        "A short-lived switch-on of the stress system during hard, longer sessions.",
        "acute",
        "can",
        "A",
        "Controlled human studies show a rise from about 60% of capacity and none at easy effort.",
        "hormonal-axes",
        ["HIL08", "JAC02"],
    ),
    (
        "hpa_recalibration",
        "Calmer stress response (HPA)",
        "hormone",
        "A steadier cortisol rhythm and a milder reaction to stress, with less anxiety and low mood.",
        "chronic",
        "tends to",
        "B",
        "Trained people reacted less to a lab stress test in some studies, but only about half agree.",
        "hormonal-axes",
        ["RIM07", "MUC18"],
    ),
    (
        "testosterone",
        "Testosterone (men)",
        "hormone",
        "For men, support for muscle building, thinking and mood through healthy testosterone.",
        "chronic",
        "can support",
        "C",
        "Lifting raises it briefly, resting levels often do not change, and the brief peaks add no muscle.",
        "hormonal-axes",
        ["KR05", "VIL12", "MCC99", "WES10", "HAC08"],
    ),
    (
        "ovarian_balance",
        "Oestrogen / ovarian balance (women)",
        "hormone",
        "For women, steadier hormones around menopause, with benefits for thinking, resilience and libido.",
        "chronic",
        "contribute to",
        "B",
        "A year-long trial changed oestradiol by about 7%; 'balance' itself has not been measured (C for that part).",
        "hormonal-axes",
        ["FRI10", "FRI15", "MOU23"],
    ),
    (
        "growth_hormone",
        "Growth hormone",
        "hormone",
        "Vitality and metabolic health, according to the article's summary table.",
        "acute",
        "table only",
        "A",
        "Human studies show release above the lactate threshold and with high-volume lifting.",
        "muscle-signals",
        ["FEL92", "PRI99", "KR05"],
    ),
    (
        "dopamine",
        "Dopamine",
        "neurotransmitter",
        "More motivation, focus and sense of reward, supporting planning and self-control.",
        "both",
        "can",
        "C",
        "Brain imaging in regular runners found no measurable release after 30 minutes of running.",
        "neurotransmitters",
        ["WAN00"],
    ),
    (
        "serotonin",
        "Serotonin",
        "neurotransmitter",
        "Steadier mood, better sleep and appetite regulation.",
        "both",
        "asserted",
        "C",
        "Support comes mainly from animal work and indirect human evidence.",
        "neurotransmitters",
        ["YOU07", "GRE05"],
    ),
    (
        "gaba",
        "GABA",
        "neurotransmitter",
        "A calming effect: less anxiety and better sleep.",
        "both",
        "has been shown",
        "B",
        "Brain scans in people show rises after vigorous exercise and after yoga; long-term evidence is limited.",
        "neurotransmitters",
        ["MAD16", "STR10"],
    ),
    (
        "bdnf",
        "BDNF",
        "myokine (listed as muscle-derived; a neurotrophin)",
        "Growth of new nerve cells and connections, supporting learning and memory.",
        "both",
        "consistently",
        "A",
        "Meta-analyses confirm a moderate acute rise and a small resting rise, smaller in women; measured in blood.",
        "neurotransmitters",
        ["FER07", "SZU15", "DIN16"],
    ),
    (
        "insulin_sensitivity",
        "Insulin sensitivity",
        "metabolic",
        "Steadier blood sugar, less inflammation in the brain, and clearer thinking and mood.",
        "both",
        "asserted",
        "A",
        "Meta-analyses show the improvement, lasting two to three days after a session.",
        "neurotransmitters",
        ["WAY16", "COL16"],
    ),
    (
        "irisin",
        "Irisin",
        "myokine",
        "Raises BDNF and new nerve cells in the hippocampus, helping thinking and mood.",
        "acute",
        "implicated",
        "C",
        "Brain effects shown only in mice; human measurements were long unreliable and the rise is small.",
        "muscle-signals",
        ["JED15", "ALB15", "ALB20", "WRA13"],
    ),
    (
        "fgf21",
        "FGF21",
        "myokine (per the article; mostly from the liver)",
        "Metabolic regulation and protection of nerve cells.",
        "acute",
        "table only",
        "B",
        "Rises after runs in people; the brain benefit is not shown, and resting levels fall with training.",
        "muscle-signals",
        ["KIM13", "TAN16", "FGF24"],
    ),
    (
        "il6",
        "IL-6",
        "myokine",
        "A muscle signal the article says influences brain chemistry and new nerve cells.",
        "acute",
        "can",
        "A",
        "The rise with long sessions is well measured (A); the brain effect is not (C).",
        "muscle-signals",
        ["FIS06"],
    ),
    (
        "ampk_signaling",
        "AMPK energy signalling",
        "metabolic",
        "Better glucose uptake and the starting signal for new mitochondria.",
        "acute",
        "asserted",
        "B",
        "Shown in human muscle, stronger at higher effort; effects beyond muscle are inferred.",
        "muscle-signals",
        ["NOR10"],
    ),
    (
        "mito_biogenesis",
        "Mitochondrial biogenesis",
        "metabolic",
        "More and better mitochondria, which the article links to neurotransmitter production.",
        "chronic",
        "asserted",
        "A",
        "Well shown in muscle (A); the step to neurons is unproven (C).",
        "muscle-signals",
        ["STE12", "NOR10"],
    ),
    (
        "anti_inflammatory",
        "Anti-inflammatory effect",
        "immune",
        "Lower background inflammation that protects the brain's chemical pathways.",
        "chronic",
        "can",
        "B",
        "Regular training lowers resting inflammatory markers; the brain benefit is inferred.",
        "epigenetics",
        ["GLE11", "FIS06"],
    ),
    (
        "rx_5ht1a",
        "5-HT1A receptor density",
        "receptor adaptation",
        "Less anxiety and an antidepressant-like effect through serotonin receptors.",
        "chronic",
        "well-documented",
        "C",
        "Seen in rats after six weeks of running; another rat study found the opposite direction.",
        "receptors",
        ["GRE05", "NLM08"],
    ),
    (
        "rx_d2",
        "Dopamine D2 sensitivity",
        "receptor adaptation",
        "More reward and motivation, and less loss of pleasure.",
        "chronic",
        "asserted",
        "C",
        "Shown in a mouse model of Parkinson's disease; human data are cross-sectional only.",
        "receptors",
        ["VUC10", "DAN17", "WAN00"],
    ),
    (
        "rx_gaba_a",
        "GABA-A receptor subunits",
        "receptor adaptation",
        "Less anxiety and deeper, better-structured sleep.",
        "chronic",
        "table only",
        "C",
        "Region-specific changes after four weeks of running, in rats only.",
        "receptors",
        ["HILLE10", "SCH13"],
    ),
    (
        "rx_cb1",
        "CB1 receptor expression",
        "receptor adaptation",
        "A lift in mood and less pain through cannabinoid receptors.",
        "chronic",
        "table only",
        "C",
        "Receptor binding rose within about a week of running, in rats only.",
        "receptors",
        ["HILMN10", "SIE23"],
    ),
    (
        "bdnf_methylation",
        "BDNF promoter epigenetics",
        "epigenetic",
        "A lasting chemical memory of activity on the BDNF gene that keeps mood and thinking supported.",
        "chronic",
        "has been shown",
        "C",
        "Changes seen within one to three weeks of running in rodents; not shown in people.",
        "epigenetics",
        ["GOM11", "INT13"],
    ),
]
