"""The installable app: manifest, service worker, offline page, compression, page descriptions."""

import gzip
import html as html_text
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse

from content.models import Effect, Section

pytestmark = pytest.mark.django_db


def test_the_manifest_describes_a_standalone_app_with_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert (data["name"], data["short_name"]) == ("Movement Journal", "Journal")
    assert (data["start_url"], data["scope"], data["display"]) == ("/", "/", "standalone")
    assert re.fullmatch(r"#[0-9a-f]{6}", data["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", data["background_color"])
    icons = {(icon["sizes"], icon.get("purpose", "any")): icon for icon in data["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in icons.values():
        assert icon["type"] == "image/png"
        # The PNG is committed and really is that size (width and height from its IHDR).
        png = Path(finders.find(icon["src"].removeprefix("/static/"))).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        size = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert f"{size[0]}x{size[1]}" == icon["sizes"]


def test_every_page_links_the_manifest_the_touch_icon_and_a_theme_colour_per_scheme(client):
    html = client.get(reverse("login")).content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert re.search(r'<link rel="apple-touch-icon" href="[^"]+apple-touch-icon\.png">', html)
    assert re.search(
        r'name="theme-color" content="#\w{6}" media="\(prefers-color-scheme: light\)"', html
    )
    assert re.search(
        r'name="theme-color" content="#\w{6}" media="\(prefers-color-scheme: dark\)"', html
    )
    assert re.search(r'<script src="[^"]+offline\.js" data-service-worker="/sw\.js" defer>', html)


def test_the_service_worker_is_served_from_the_root_uncached_with_the_shell_to_keep(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    script = response.content.decode()
    shell = json.loads(re.search(r"const SHELL_URLS = (\[.*\]);", script).group(1))
    assert "/offline/" in shell
    assert "/static/css/app.css" in shell
    assert re.search(r'const SHELL_CACHE = "shell-[0-9a-f]{12}";', script)
    # The body is the static file, after the lines the view puts in front.
    assert 'self.addEventListener("fetch"' in script


def test_the_service_worker_names_hashed_static_files_when_there_is_a_manifest(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    script = client.get("/sw.js").content.decode()
    assert re.search(r'"/static/css/app\.[0-9a-f]{12}\.css"', script)
    assert re.search(r'"/static/js/offline\.[0-9a-f]{12}\.js"', script)


def test_the_offline_page_says_what_still_works(client):
    response = client.get("/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>No connection</h1>" in html
    assert "sent by themselves once you are connected again" in html


def test_html_is_compressed_for_browsers_that_accept_gzip(client):
    response = client.get(reverse("content:index"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<h1>Learn" in gzip.decompress(response.content)
    plain = client.get(reverse("content:index"))
    assert not plain.has_header("Content-Encoding")
    assert b"<h1>Learn" in plain.content


def test_a_signed_in_page_with_a_csrf_token_is_compressed_too(alice_client):
    response = alice_client.get(reverse("journal:dashboard"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"csrfmiddlewaretoken" in gzip.decompress(response.content)


def description(html: str) -> str:
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return html_text.unescape(found[0])


@pytest.mark.parametrize("name", ["journal:dashboard", "content:index", "login", "signup"])
def test_public_pages_have_a_description(client, name):
    text = description(client.get(reverse(name)).content.decode())
    assert 50 <= len(text) <= 170


def test_learn_sections_and_effects_have_their_own_descriptions(client):
    section = Section.objects.filter(published=True).exclude(summary="").first()
    effect = Effect.objects.filter(section__published=True).first()
    section_text = description(client.get(section.get_absolute_url()).content.decode())
    assert section_text.startswith(section.summary[:40])
    effect_text = description(client.get(effect.get_absolute_url()).content.decode())
    assert effect_text.startswith(f"{effect.name}: ")
    assert f"(grade {effect.evidence_grade})" in effect_text
