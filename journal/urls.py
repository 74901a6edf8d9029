from django.urls import path

from journal.views import (
    account,
    checkins,
    dashboard,
    feelings,
    imports,
    insights,
    sessions,
    tokens,
    transfer,
)

app_name = "journal"

urlpatterns = [
    path("", dashboard.home, name="dashboard"),
    path("dashboard/charts/", dashboard.dashboard_charts, name="dashboard_charts"),
    path("dashboard/<slug:name>/", dashboard.dashboard_fragment, name="dashboard_fragment"),
    path("sessions/", sessions.session_list, name="session_list"),
    path("sessions/new/", sessions.session_new, name="session_new"),
    path("sessions/quick/", sessions.session_quick, name="session_quick"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/delete/", sessions.session_delete, name="session_delete"),
    path("sessions/<int:pk>/effort/", sessions.session_effort, name="session_effort"),
    path("sessions/<int:pk>/why/<str:rule>/", sessions.tag_why, name="tag_why"),
    path("sessions/<int:pk>/feelings/", feelings.session_feelings, name="session_feelings"),
    path("sessions/feelings/", feelings.feelings_pending, name="feelings_pending"),
    path("sessions/feelings/dismiss/", feelings.feelings_dismiss, name="feelings_dismiss"),
    path("checkins/", checkins.checkin_list, name="checkin_list"),
    path("checkins/today/", checkins.checkin_today, name="checkin_today"),
    path("checkins/<int:pk>/edit/", checkins.checkin_edit, name="checkin_edit"),
    path("checkins/<int:pk>/delete/", checkins.checkin_delete, name="checkin_delete"),
    path("insights/", insights.insights_page, name="insights"),
    path("insights/card/", insights.insights_card, name="insights_card"),
    path("account/", account.account, name="account"),
    path("account/profile/", account.profile_edit, name="profile_edit"),
    path("account/tokens/", tokens.token_create, name="token_create"),
    path("account/tokens/<int:pk>/revoke/", tokens.token_revoke, name="token_revoke"),
    path("account/delete/", account.account_delete, name="account_delete"),
    path("account/export.json", transfer.export_download, {"fmt": "json"}, name="export_json"),
    path("account/export.zip", transfer.export_download, {"fmt": "csv"}, name="export_csv"),
    path("account/import/", imports.import_start, name="import"),
    path("account/import/<int:pk>/", imports.import_job, name="import_job"),
    path("account/import/<int:pk>/confirm/", imports.import_confirm, name="import_confirm"),
    path("account/import/<int:pk>/cancel/", imports.import_cancel, name="import_cancel"),
]
