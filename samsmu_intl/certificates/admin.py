from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samsmu_intl.certificates.models import Certificate, CertificateTemplate
from samsmu_intl.content.admin import ContentAdmin
from samsmu_intl.content.languages import localized


@admin.register(CertificateTemplate)
class CertificateTemplateAdmin(ContentAdmin):
    """The wording every certificate prints, in three languages: one row."""

    fieldsets = [
        (None, {"fields": ("heading", "body")}),
        (_("Signature"), {"fields": ("signatory_name", "signatory_position")}),
    ]

    def has_add_permission(self, request):
        # The one row is made when the list is first opened (below): asking the database here
        # would cost every admin page a query, for the home page's "Add" links.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One template: its list would be a page with one link.
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        template, _created = CertificateTemplate.objects.get_or_create(
            pk=CertificateTemplate.SINGLETON_PK
        )
        return redirect("admin:certificates_certificatetemplate_change", template.pk)


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """The certificates issued: attendees download them from their own link. Nothing here is
    edited; deleting one revokes it (its code no longer verifies; the attendee's link issues a
    new one with a new code while they are still marked as attended)."""

    list_display = (
        "code",
        "name",
        "event_title",
        "starts_at",
        "language",
        "issued_at",
        "verification_page",
    )
    list_filter = ("issued_at",)
    search_fields = ("code", "name", "event_title_uz", "event_title_ru", "event_title_en")
    date_hierarchy = "issued_at"
    fields = (
        "code",
        "name",
        "event_title_uz",
        "event_title_ru",
        "event_title_en",
        "starts_at",
        "ends_at",
        "date_precision",
        "language",
        "event",
        "registration",
        "issued_at",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("event"))
    def event_title(self, certificate):
        return localized(certificate, "event_title")

    @admin.display(description=_("verification page"))
    def verification_page(self, certificate):
        return format_html('<a href="{}">{}</a>', certificate.get_absolute_url(), _("verify"))
