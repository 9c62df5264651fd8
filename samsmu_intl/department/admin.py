from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from samsmu_intl.content.admin import ContentAdmin
from samsmu_intl.content.drafts import DraftDeletionInlineMixin
from samsmu_intl.department.models import Department, Inquiry, LandingSection, StaffMember
from samsmu_intl.images.thumbnails import thumbnail


class LandingSectionInline(DraftDeletionInlineMixin, TranslationStackedInline):
    model = LandingSection
    extra = 0
    fields = ("heading", "body", "order", "status", "publish_from")


@admin.register(Department)
class DepartmentAdmin(ContentAdmin):
    inlines = [LandingSectionInline]
    preview_url_name = "department:landing-preview"
    readonly_fields = ("emblem_thumbnail", "hero_photo_thumbnail")
    fieldsets = [
        (
            _("University"),
            {"fields": ("university_name", "university_short_name", "emblem", "emblem_thumbnail")},
        ),
        (
            _("Home page"),
            {"fields": ("title", "lead", "hero_photo", "hero_photo_thumbnail", "hero_photo_alt")},
        ),
        (_("Contacts"), {"fields": ("address", "hours", "email", "phone", "website")}),
        (_("On the map"), {"fields": ("latitude", "longitude")}),
    ]

    def has_add_permission(self, request):
        return not Department.objects.singleton().exists()

    @admin.display(description=_("emblem"))
    def emblem_thumbnail(self, department):
        return thumbnail(department.emblem, department.emblem_96)

    @admin.display(description=_("home page photo"))
    def hero_photo_thumbnail(self, department):
        return thumbnail(department.hero_photo, department.hero_photo_640)

    def preview_url_kwargs(self, obj):
        return {}

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # There is only one department: its list would be a page with one link.
        if Department.objects.singleton().exists():
            return redirect("admin:department_department_change", Department.SINGLETON_PK)
        return super().changelist_view(request, extra_context)


@admin.register(StaffMember)
class StaffMemberAdmin(ContentAdmin):
    preview_url_name = "department:team-preview"
    list_display = ("photo_thumbnail", "name", "position", "email", "status", "order")
    list_display_links = ("name",)
    readonly_fields = ("photo_thumbnail",)
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name_uz", "name_ru", "name_en", "position_uz", "position_ru", "position_en")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = [
        (None, {"fields": ("name", "slug", "position", "photo", "photo_thumbnail")}),
        (_("Contacts"), {"fields": ("email", "phone")}),
        (_("Publishing"), {"fields": ("status", "publish_from", "order")}),
    ]

    @admin.display(description=_("photo"))
    def photo_thumbnail(self, member):
        return thumbnail(member.photo, member.photo_160)


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "name", "email", "country", "topic", "status", "staff_notified")
    list_filter = ("status", "topic", "country", "created_at")
    search_fields = ("name", "email", "message")
    date_hierarchy = "created_at"
    readonly_fields = (
        "name",
        "email",
        "country",
        "topic",
        "message",
        "language",
        "created_at",
        "staff_notified_at",
        "acknowledged_at",
        "email_error",
    )
    fields = ("status", *readonly_fields)
    actions = ["mark_answered", "mark_closed"]

    def has_add_permission(self, request):
        # Inquiries come from the site's contact form.
        return False

    @admin.display(description=_("staff notified"), boolean=True)
    def staff_notified(self, inquiry):
        return inquiry.staff_notified_at is not None

    @admin.action(description=_("Mark as answered"))
    def mark_answered(self, request, queryset):
        queryset.update(status=Inquiry.Status.ANSWERED)

    @admin.action(description=_("Mark as closed"))
    def mark_closed(self, request, queryset):
        queryset.update(status=Inquiry.Status.CLOSED)
