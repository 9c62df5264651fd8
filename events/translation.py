from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventPhoto


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "venue", "city", "host_name", "cover_alt")


@register(EventPhoto)
class EventPhotoTranslation(TranslationOptions):
    fields = ("caption", "alt")
