from django.contrib import admin
from django.urls import include, path

from journal.views import account, health, install

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("manifest.webmanifest", install.manifest, name="manifest"),
    path("sw.js", install.service_worker, name="service_worker"),
    path("offline/", install.offline, name="offline"),
    path("offline/log/", install.app_shell, name="app_shell"),
    path("accounts/signup/", account.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("learn/", include("content.urls")),
    path("", include("journal.urls")),
]

handler500 = "journal.middleware.server_error"
