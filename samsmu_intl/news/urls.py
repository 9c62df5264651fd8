from django.urls import path

from samsmu_intl.news import views

app_name = "news"

urlpatterns = [
    path("news/", views.NewsListView.as_view(), name="list"),
    path("news/feed/", views.NewsFeed(), name="feed"),
    path("news/preview/<int:pk>/", views.NewsPreviewView.as_view(), name="preview"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
