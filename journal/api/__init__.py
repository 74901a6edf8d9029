"""The API (/api/v1/, django-ninja): personal access tokens, their authentication and rate
limit, and the routers. It calls the same services as the forms (journal.core.services) and
speaks the objects of exchange-format.md. See journal/README.md for the rules."""
