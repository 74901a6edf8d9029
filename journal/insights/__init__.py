"""Insights: the article's claims tested on a person's journal (insights.md): the pure
statistics (analysis), the cards that put them in words, and the cached chronic holds."""
