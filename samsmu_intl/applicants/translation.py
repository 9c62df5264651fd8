from modeltranslation.translator import TranslationOptions, register

from samsmu_intl.applicants.models import ApplicantGuide, ApplicationStep, PublicDocument, Question


@register(ApplicantGuide)
class ApplicantGuideTranslation(TranslationOptions):
    fields = ("intro", "documents_needed", "deadlines")


@register(ApplicationStep)
class ApplicationStepTranslation(TranslationOptions):
    fields = ("title", "text")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(PublicDocument)
class PublicDocumentTranslation(TranslationOptions):
    fields = ("title",)
