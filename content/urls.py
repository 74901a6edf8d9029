from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("", views.index, name="index"),
    path("effects/<slug:slug>/", views.effect, name="effect"),
    path("<slug:slug>/", views.section, name="section"),
]
