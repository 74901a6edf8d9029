"""The dashboard's chart keys, shared with journal.dashboard.charts, and their titles."""

CHART_KEYS = {
    "feeling-change": "Feeling change in each session",
    "mood-stress": "Mood and stress",
    "weekly-minutes": "Weekly moderate-equivalent minutes",
    "outcomes-by-activity": "How the next day went, by activity",
    "training-load": "Training load, monotony and strain",
    "effects-timeline": "Predicted effects, week by week",
}
