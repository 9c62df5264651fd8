from modeltranslation.translator import TranslationOptions, register

from samsmu_intl.news.models import NewsArticle, NewsPhoto


@register(NewsArticle)
class NewsArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "cover_alt")


@register(NewsPhoto)
class NewsPhotoTranslation(TranslationOptions):
    fields = ("caption", "alt")
