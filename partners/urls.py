from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("partners/", views.PartnerListView.as_view(), name="list"),
    path("partners/map/", views.PartnerMapView.as_view(), name="map"),
    path("partners/map.svg", views.partner_map_svg, name="map-svg"),
    path("partners/<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
    path("partners/preview/<int:pk>/", views.PartnerPreviewView.as_view(), name="preview"),
    path("programs/", views.ProgramListView.as_view(), name="program-list"),
    path("programs/<slug:slug>/", views.ProgramDetailView.as_view(), name="program-detail"),
    path("programs/preview/<int:pk>/", views.ProgramPreviewView.as_view(), name="program-preview"),
]
