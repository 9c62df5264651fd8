from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from samsmu_intl.applicants.models import (
    MIME_TYPES,
    ApplicantGuide,
    ApplicationStep,
    PublicDocument,
    Question,
)
from samsmu_intl.content.admin import ContentAdmin
from samsmu_intl.content.drafts import DraftDeletionInlineMixin


class ApplicationStepInline(TranslationStackedInline):
    model = ApplicationStep
    extra = 0
    fields = ("title", "text", "order")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}


class QuestionInline(DraftDeletionInlineMixin, TranslationStackedInline):
    model = Question
    extra = 0
    fields = ("question", "answer", "order", "status", "publish_from")


@admin.register(ApplicantGuide)
class ApplicantGuideAdmin(ContentAdmin):
    inlines = [ApplicationStepInline, QuestionInline]
    preview_url_name = "applicants:preview"
    autocomplete_fields = ("contact",)
    fieldsets = [
        (None, {"fields": ("intro", "documents_needed", "deadlines")}),
        (_("Contact person"), {"fields": ("contact",)}),
    ]

    def preview_url_kwargs(self, obj):
        return {}

    def has_add_permission(self, request):
        # There is one guide, made when first opened: no "add" link, and no query on every
        # admin page (the menu asks each admin whether it may add).
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # One guide: its list would be a page with one link.
        if self.has_change_permission(request):
            ApplicantGuide.objects.get_or_create(pk=ApplicantGuide.SINGLETON_PK)
            return redirect("admin:applicants_applicantguide_change", ApplicantGuide.SINGLETON_PK)
        return super().changelist_view(request, extra_context)


@admin.register(PublicDocument)
class PublicDocumentAdmin(ContentAdmin):
    list_display = ("title", "kind", "language", "file_description", "status", "order")
    list_display_links = ("title",)
    list_editable = ("order",)
    list_filter = ("status", "kind", "language")
    search_fields = ("title_uz", "title_ru", "title_en")
    autocomplete_fields = ("programs",)
    readonly_fields = ("file_description",)
    # The file chooser offers the three kinds first; the upload is checked by its bytes anyway.
    formfield_overrides = {
        **ContentAdmin.formfield_overrides,
        models.FileField: {
            "widget": forms.ClearableFileInput(
                attrs={"accept": ".pdf,.docx,.xlsx," + ",".join(MIME_TYPES.values())}
            )
        },
    }
    fieldsets = [
        (None, {"fields": ("title", "kind", "language", "file", "file_description")}),
        (_("Where it is linked"), {"fields": ("programs",)}),
        (_("Publishing"), {"fields": ("status", "publish_from", "order")}),
    ]

    @admin.display(description=_("type and size"))
    def file_description(self, document):
        if not document.file_size:
            return "–"
        return f"{document.type_display()}, {document.size_display()}"
