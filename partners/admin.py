from pathlib import Path

from django import forms
from django.contrib import admin
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from import_export.admin import ImportExportMixin

from partners.filters import countries_by_name
from partners.models import Agreement, CooperationForm, Partner, Program
from partners.resources import PartnerResource
from samsmu_intl.content.admin import ContentAdmin
from samsmu_intl.content.drafts import DraftDeletionInlineMixin
from samsmu_intl.spreadsheets.admin import SpreadsheetAdminMixin


class PrivateFileInput(forms.ClearableFileInput):
    """A file input for private storage: such files have no URL (asking for one raises), so the
    attached file links to the staff-only view that serves it, set by the form as
    `download_url`."""

    download_url = None

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        if self.is_initial(value):
            return AttachedFile(Path(value.name).name, self.download_url)
        return None


class AttachedFile:
    """What the file input shows of an attached file: its name, linked to where staff get it."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


class AgreementForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["document"].widget.download_url = reverse(
                "admin:partners_agreement_document", args=[self.instance.pk]
            )


class AgreementInline(DraftDeletionInlineMixin, admin.TabularInline):
    model = Agreement
    form = AgreementForm
    formfield_overrides = {models.FileField: {"widget": PrivateFileInput}}
    extra = 0
    fields = (
        "kind",
        "signed_on",
        "valid_until",
        "validity_label",
        "document",
        "status",
        "publish_from",
    )
    readonly_fields = ("validity_label",)

    @admin.display(description=_("validity"))
    def validity_label(self, agreement):
        return agreement.get_validity_display() if agreement.pk else "–"


class AgreementStatusFilter(admin.SimpleListFilter):
    title = _("agreement status")
    parameter_name = "agreements"

    def lookups(self, request, model_admin):
        return [
            ("active", _("With an active agreement")),
            ("expiring", _("With an agreement expiring within 90 days")),
            ("expired", _("With an expired agreement")),
            ("none", _("Without agreements")),
        ]

    def queryset(self, request, queryset):
        # The dates' meaning lives in AgreementQuerySet, shared with the pages and the status.
        agreements = Agreement.objects
        if self.value() in ("active", "expiring", "expired"):
            matching = getattr(agreements, self.value())().values("partner_id")
            return queryset.filter(pk__in=matching)
        if self.value() == "none":
            return queryset.exclude(pk__in=agreements.values("partner_id"))
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """The countries the listed items are in (partners, events), by name in the admin's
    language: not all 250 of them."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = model_admin.model.objects.order_by().values_list("country", flat=True).distinct()
        return countries_by_name(code for code in codes if code)

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


@admin.register(Partner)
class PartnerAdmin(SpreadsheetAdminMixin, ImportExportMixin, ContentAdmin):
    resource_classes = [PartnerResource]
    file_name = pgettext_lazy("file name", "partners")
    inlines = [AgreementInline]
    preview_url_name = "partners:preview"
    list_display = (
        "logo_preview",
        "name",
        "flag_and_country",
        "region",
        "kind",
        "active_agreements",
        "nearest_expiry",
        "status",
    )
    list_display_links = ("name",)
    list_filter = (
        "status",
        "region",
        CountryFilter,
        "kind",
        "cooperation_forms",
        AgreementStatusFilter,
    )
    search_fields = ("search_text",)
    prepopulated_fields = {"slug": ("name_en",)}
    filter_horizontal = ("cooperation_forms",)
    readonly_fields = ("region", "logo_preview")
    fieldsets = [
        (None, {"fields": ("name", "short_name", "slug", "kind")}),
        (_("Place"), {"fields": ("country", "city", "region", "region_override")}),
        (_("About"), {"fields": ("website", "logo", "logo_preview", "description")}),
        (_("Cooperation"), {"fields": ("cooperation_forms",)}),
        (_("Contact person"), {"fields": ("contact_name", "contact_email", "contact_phone")}),
        (_("Publishing"), {"fields": ("status", "publish_from")}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_agreement_summary()

    def get_export_queryset(self, request):
        # The forms of cooperation of all exported partners in one query, not one per partner.
        return super().get_export_queryset(request).prefetch_related("cooperation_forms")

    def get_search_results(self, request, queryset, search_term):
        # The stored search text is casefolded in every language; search it the same way.
        if not search_term:
            return queryset, False
        return queryset.search(search_term), False

    # Not "logo": on the change form it sits under the upload field of that name.
    @admin.display(description=_("current logo"))
    def logo_preview(self, partner):
        if not partner.logo:
            return "–"
        return format_html(
            '<img src="{}" alt="" width="48" height="48" class="admin-logo">', partner.logo.url
        )

    @admin.display(description=_("country"), ordering="country")
    def flag_and_country(self, partner):
        return format_html(
            '<img src="{}" alt="" width="16" height="11"> {}',
            partner.country.flag,
            partner.country.name,
        )

    @admin.display(description=_("active agreements"), ordering="active_agreement_count")
    def active_agreements(self, partner):
        return partner.active_agreement_count

    @admin.display(description=_("nearest expiry"), ordering="nearest_expiry")
    def nearest_expiry(self, partner):
        return partner.nearest_expiry or "–"

    def get_urls(self):
        document = self.admin_site.admin_view(self.agreement_document)
        return [
            path(
                "agreement/<int:pk>/document/",
                document,
                name="partners_agreement_document",
            ),
            *super().get_urls(),
        ]

    def agreement_document(self, request, pk):
        """Signed agreements are not public: only staff who may see partners download them."""
        if not self.has_view_permission(request):
            raise Http404
        agreement = get_object_or_404(Agreement, pk=pk)
        if not agreement.document:
            raise Http404
        return FileResponse(
            agreement.document.open("rb"),
            as_attachment=True,
            filename=f"agreement-{agreement.partner.slug}-{agreement.signed_on:%Y-%m-%d}.pdf",
            content_type="application/pdf",
        )


@admin.register(CooperationForm)
class CooperationFormAdmin(ContentAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_uz", "name_ru", "name_en")

    def has_delete_permission(self, request, obj=None):
        # Their slugs are in visitors' bookmarked filter links.
        return False


@admin.register(Program)
class ProgramAdmin(ContentAdmin):
    preview_url_name = "partners:program-preview"
    list_display = ("title", "kind", "level", "deadline", "open_now", "status")
    list_filter = ("status", "kind", "level", "partners__region")
    search_fields = ("title_uz", "title_ru", "title_en", "slug")
    autocomplete_fields = ("partners",)
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "deadline"
    fieldsets = [
        (None, {"fields": ("title", "slug", "kind", "level", "partners", "summary")}),
        (
            _("Details for applicants"),
            {
                "fields": (
                    "duration",
                    "language_of_instruction",
                    "deadline",
                    "fees",
                    "eligibility",
                    "how_to_apply",
                )
            },
        ),
        (_("Contact"), {"fields": ("contact_name", "contact_email")}),
        (_("Publishing"), {"fields": ("status", "publish_from")}),
    ]

    @admin.display(description=_("open for applications"), boolean=True)
    def open_now(self, program):
        return program.is_open
