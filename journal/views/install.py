"""What makes the journal an installable app: manifest, service worker, offline page."""

import hashlib
import json

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from journal.core.forms import QuickSessionForm
from journal.models import Profile, Session
from journal.views.dashboard import QUICK_PREFIX

# The browser's colours per scheme are in templates/includes/app_head.html.
ACCENT = "#0b6b5c"
BACKGROUND = "#f7f7f5"

# What the service worker keeps for offline use: the hashed static names, so a
# deploy with new files makes a new list, a new worker and a fresh cache.
SHELL_FILES = (
    "css/app.css",
    "django_htmx/htmx-2.min.js",
    "django_htmx/django-htmx.js",
    "js/forms.js",
    "js/logout.js",
    "js/offline.js",
    "img/favicon.svg",
    "img/icon-192.png",
)


@require_safe
@cache_control(max_age=3600)
def manifest(request):
    icon = "image/png"
    data = {
        "name": "Movement Journal",
        "short_name": "Journal",
        "description": (
            "Log training and mood in a few taps, and see what one wellness article "
            "predicts, graded for evidence."
        ),
        "id": "/",
        "start_url": reverse("journal:dashboard"),
        "scope": "/",
        "display": "standalone",
        "theme_color": ACCENT,
        "background_color": BACKGROUND,
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": icon},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": icon},
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": icon,
                "purpose": "maskable",
            },
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json")


# The pages the worker keeps. Both are fetched without cookies, so they hold nothing of
# anyone's: the offline notice, and the app shell (the quick log, for a cold start).
SHELL_PAGES = ("offline", "app_shell")
SHELL_TEMPLATES = (
    "offline.html",
    "app_shell.html",
    "includes/shell_nav.html",
    "journal/dashboard/dashboard.html",
)


def shell_urls() -> list[str]:
    return [*(reverse(name) for name in SHELL_PAGES), *(static(name) for name in SHELL_FILES)]


def _templates_text() -> str:
    """The shell pages' templates, so that changing them makes a new worker and cache."""
    from django.template.loader import get_template

    return "".join(get_template(name).template.source for name in SHELL_TEMPLATES)


@require_safe
@cache_control(no_cache=True, max_age=0)
def service_worker(request):
    """The worker's script, served from the root so that its scope is the whole site.

    The script itself is static/js/sw.js; this view puts the cache's file list
    and name in front of it. no-cache: browsers must check for a new worker.
    """
    with open(finders.find("js/sw.js"), encoding="utf-8") as script:
        body = script.read()
    urls = shell_urls()
    version = hashlib.sha256("\n".join([*urls, body, _templates_text()]).encode()).hexdigest()
    head = (
        f"const SHELL_URLS = {json.dumps(urls)};\n"
        f"const SHELL_CACHE = {json.dumps('shell-' + version[:12])};\n"
        f"const OFFLINE_URL = {json.dumps(reverse('offline'))};\n"
        f"const APP_SHELL_URL = {json.dumps(reverse('app_shell'))};\n"
        f"const START_URL = {json.dumps(reverse('journal:dashboard'))};\n"
    )
    return HttpResponse(head + body, content_type="text/javascript; charset=utf-8")


@require_safe
def offline(request):
    """Shown by the service worker when a page can't be reached."""
    return render(request, "offline.html")


@require_safe
def app_shell(request):
    """What the installed app opens on without a connection: the quick log, and nothing of
    anyone's. The worker fetches it without cookies; offline.js fills in, from this
    device, which account a log made here belongs to, and today's date."""
    form = QuickSessionForm(
        instance=Session(), profile=Profile(), prefix=QUICK_PREFIX, initial={"activity": "aerobic"}
    )
    form.fields["date"].widget.attrs.pop("max", None)  # today is the device's, set by script
    return render(request, "app_shell.html", {"quick_form": form, "shell": True})
