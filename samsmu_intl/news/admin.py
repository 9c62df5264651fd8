from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samsmu_intl.content.admin import ContentAdmin, PhotoInline
from samsmu_intl.images.thumbnails import thumbnail
from samsmu_intl.news.models import NewsArticle, NewsPhoto


class NewsPhotoInline(PhotoInline):
    model = NewsPhoto


@admin.register(NewsArticle)
class NewsArticleAdmin(ContentAdmin):
    inlines = [NewsPhotoInline]
    preview_url_name = "news:preview"
    list_display = ("cover_thumbnail", "title", "kind", "published_at", "status")
    list_display_links = ("title",)
    list_filter = ("status", "kind", "published_at")
    readonly_fields = ("cover_thumbnail",)
    search_fields = ("title_uz", "title_ru", "title_en", "slug")
    autocomplete_fields = ("partners", "events")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ("title", "slug", "kind", "summary", "body")}),
        (_("What it is about"), {"fields": ("partners", "events")}),
        (_("Cover image"), {"fields": ("cover", "cover_thumbnail", "cover_alt")}),
        (_("Publishing"), {"fields": ("status", "publish_from")}),
    ]

    @admin.display(description=_("cover image"))
    def cover_thumbnail(self, article):
        return thumbnail(article.cover, article.cover_480)
