"""The dashboard: one aggregate query per chart (queries), the pure chart payloads, rolling
means and load (charts, stats), and the chips and long-term card of the tags (patterns)."""
