from django.urls import path

from samsmu_intl.certificates import views

app_name = "certificates"

urlpatterns = [
    path("certificates/<str:code>/", views.verify, name="verify"),
    path("certificates/<slug:slug>/<str:token>/certificate.pdf", views.attendee, name="attendee"),
]
