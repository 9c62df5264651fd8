from django.urls import path

from samsmu_intl.applicants import views

app_name = "applicants"

urlpatterns = [
    path("applicants/", views.GuideView.as_view(), name="guide"),
    path("applicants/preview/", views.GuidePreviewView.as_view(), name="preview"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
]
