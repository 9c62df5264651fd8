from modeltranslation.translator import TranslationOptions, register

from samsmu_intl.department.models import Department, LandingSection, StaffMember


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = (
        "university_name",
        "university_short_name",
        "title",
        "lead",
        "hero_photo_alt",
        "address",
        "hours",
    )


@register(LandingSection)
class LandingSectionTranslation(TranslationOptions):
    fields = ("heading", "body")


@register(StaffMember)
class StaffMemberTranslation(TranslationOptions):
    fields = ("name", "position")
