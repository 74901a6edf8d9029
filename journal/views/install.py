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

# The browser's colours per scheme are in templates/includes/app_head.html.
ACCENT = "#0b6b5c"
BACKGROUND = "#f7f7f5"

# What the service worker keeps for offline use: the hashed static names, so a
# deploy with new files makes a new list, a new worker and a fresh cache.
SHELL_FILES = (
    "css/app.css",
    "django_htmx/htmx-2.min.js",
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


def shell_urls() -> list[str]:
    return [reverse("offline"), *(static(name) for name in SHELL_FILES)]


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
    version = hashlib.sha256("\n".join([*urls, body]).encode()).hexdigest()[:12]
    head = (
        f"const SHELL_URLS = {json.dumps(urls)};\n"
        f"const SHELL_CACHE = {json.dumps('shell-' + version)};\n"
        f"const OFFLINE_URL = {json.dumps(reverse('offline'))};\n"
    )
    return HttpResponse(head + body, content_type="text/javascript; charset=utf-8")


@require_safe
def offline(request):
    """Shown by the service worker when a page can't be reached."""
    return render(request, "offline.html")
