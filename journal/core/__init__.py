"""The core journal: sessions, check-ins and the profile (their models are journal/models.py),
the one write path (services), the forms, and the pure ranges and validation they share."""
