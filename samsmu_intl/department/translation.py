from modeltranslation.translator import TranslationOptions, register

from samsmu_intl.department.models import Department, LandingSection, StaffMember


@register(Department)
class DepartmentTranslation(TranslationOptions):
    fields = ("title", "lead", "address", "hours")


@register(LandingSection)
class LandingSectionTranslation(TranslationOptions):
    fields = ("heading", "body")


@register(StaffMember)
class StaffMemberTranslation(TranslationOptions):
    fields = ("name", "position")
