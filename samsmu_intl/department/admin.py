from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from samsmu_intl.department.models import Department, LandingSection, StaffMember


class LandingSectionInline(TranslationStackedInline):
    model = LandingSection
    extra = 0
    fields = ("heading", "body", "order", "status", "publish_from")


@admin.register(Department)
class DepartmentAdmin(TabbedTranslationAdmin):
    inlines = [LandingSectionInline]
    fieldsets = [
        (_("Home page"), {"fields": ("title", "lead")}),
        (_("Contacts"), {"fields": ("address", "email", "phone", "website")}),
    ]

    def has_add_permission(self, request):
        return not Department.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # There is only one department: its list would be a page with one link.
        if Department.objects.filter(pk=1).exists():
            return redirect("admin:department_department_change", 1)
        return super().changelist_view(request, extra_context)


@admin.register(StaffMember)
class StaffMemberAdmin(TabbedTranslationAdmin):
    list_display = ("name", "position", "email", "status", "order")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_uz", "name_ru", "name_en", "position_uz", "position_ru", "position_en")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = [
        (None, {"fields": ("name", "slug", "position", "photo")}),
        (_("Contacts"), {"fields": ("email", "phone")}),
        (_("Publishing"), {"fields": ("status", "publish_from", "order")}),
    ]
