from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/", views.EventListView.as_view(), name="list"),
    path("events/calendar.ics", views.calendar_ics, name="calendar"),
    path("events/feed/", views.EventFeed(), name="feed"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("events/preview/<int:pk>/", views.EventPreviewView.as_view(), name="preview"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/registration/<str:token>/", views.registration, name="registration"),
    path("events/<slug:slug>/registration/<str:token>/join/", views.join, name="join"),
    path(
        "events/<slug:slug>/registration/<str:token>/cancel/",
        views.cancel_registration,
        name="cancel-registration",
    ),
]
