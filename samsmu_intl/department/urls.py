from django.urls import path

from samsmu_intl.department import views

app_name = "department"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
    path("preview/", views.LandingPreviewView.as_view(), name="landing-preview"),
    path("team/", views.TeamView.as_view(), name="team"),
    path("team/preview/<int:pk>/", views.TeamPreviewView.as_view(), name="team-preview"),
    path("contact/", views.contact, name="contact"),
]
