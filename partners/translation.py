from modeltranslation.translator import TranslationOptions, register

from partners.models import CooperationForm, Partner, Program


@register(CooperationForm)
class CooperationFormTranslation(TranslationOptions):
    fields = ("name",)


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "short_name", "city", "description")


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "duration",
        "language_of_instruction",
        "eligibility",
        "how_to_apply",
        "fees",
        "contact_name",
    )
