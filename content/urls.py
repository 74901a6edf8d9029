from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("", views.index, name="index"),
    path("effects/<slug:slug>/", views.effect, name="effect"),
    # Before the section pattern, which would otherwise read "words" as a section's slug.
    path("words/", views.glossary, name="glossary"),
    path("<slug:slug>/", views.section, name="section"),
]
