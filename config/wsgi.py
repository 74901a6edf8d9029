import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Insights' t quantiles come from scipy.stats, whose import takes seconds: pay it when a
# worker starts, not on the first Insights page someone opens.
from journal.insights.analysis import warm_up  # noqa: E402

warm_up()
