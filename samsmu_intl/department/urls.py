from django.urls import path

from samsmu_intl.department import views

app_name = "department"

urlpatterns = [
    path("", views.LandingView.as_view(), name="landing"),
    path("team/", views.TeamView.as_view(), name="team"),
    path("contact/", views.contact, name="contact"),
]
