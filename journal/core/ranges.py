"""Every scale and range of PRODUCT.md and exchange-format.md, in one place.

Plain data with no Django import, so the pure parsers of journal.imports.parsers can
read the same limits as the database constraints, the forms and the exchange
importer. journal.models re-exports these names.
"""

NOTE_MAX_LENGTH = 2000

# The optional daily items a person may add to their check-in (1..5 each).
CHECKIN_ITEMS = {
    "anxiety": "Anxiety",
    "energy": "Energy",
    "motivation": "Motivation",
    "focus": "Focus",
    "stress": "Stress",
}

SESSION_RANGES = {
    "minutes": (1, 1440),
    "effort": (0, 10),  # Borg CR-10 session RPE [FOS01]
    "feeling_before": (-5, 5),  # Feeling Scale [HR89]
    "feeling_after": (-5, 5),
    "arousal_before": (1, 6),  # Felt Arousal Scale [SM85]
    "arousal_after": (1, 6),
    "avg_hr": (25, 250),
    "max_hr": (25, 250),
    "distance_km": (0, 1000),
    "percent_1rm": (1, 100),
    "reps_in_reserve": (0, 10),
}
CHECKIN_RANGES = {
    "mood": (1, 5),
    "sleep_quality": (0, 10),  # single-item Sleep Quality Scale [SNY18]
    **dict.fromkeys(CHECKIN_ITEMS, (1, 5)),
}
PROFILE_RANGES = {"birth_year": (1900, 2100), "max_hr": (25, 250), "resting_hr": (25, 250)}
