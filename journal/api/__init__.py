"""The API (/api/v1/, django-ninja), not built yet: its routers and token authentication.
It calls the same services as the forms (journal.core.services) and speaks the objects of
exchange-format.md (journal.imports.exchange_rows). See journal/README.md for the rules."""
