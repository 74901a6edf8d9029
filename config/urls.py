from django.contrib import admin
from django.urls import include, path

from journal.views import account, health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("accounts/signup/", account.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("learn/", include("content.urls")),
    path("", include("journal.urls")),
]

handler500 = "journal.middleware.server_error"
