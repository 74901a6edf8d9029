from django.contrib import admin
from django.urls import include, path

from journal.api.main import api
from journal.views import account, health, install

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("manifest.webmanifest", install.manifest, name="manifest"),
    path("sw.js", install.service_worker, name="service_worker"),
    path("offline/", install.offline, name="offline"),
    path("offline/log/", install.app_shell, name="app_shell"),
    path("accounts/signup/", account.signup, name="signup"),
    path("accounts/login/", account.LogIn.as_view(), name="login"),
    path("accounts/logout/", account.log_out, name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("learn/", include("content.urls")),
    path("", include("journal.urls")),
]

handler500 = "journal.middleware.server_error"
