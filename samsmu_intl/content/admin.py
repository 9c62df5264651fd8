"""The one base for the admin of the content visitors read (partners, programs, events, staff,
the department's page): translation tabs with the other languages' text side by side, preview
links, drafts-only deletion, history, the rich-text editor's CSP nonce; and
`extend_content_admins`, through which the layers above (the editors' translation workflow)
add their features to every content admin."""

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from samsmu_intl.content.drafts import DraftDeletionMixin
from samsmu_intl.content.forms import CountrySelect
from samsmu_intl.content.history import HistoryMixin
from samsmu_intl.content.preview import PreviewAdminMixin
from samsmu_intl.content.publishing import Publishable
from samsmu_intl.content.side_by_side import SideBySideTranslationMixin
from samsmu_intl.images.thumbnails import thumbnail


class NonceMediaMixin:
    """For ModelAdmins with the rich-text editor: its inline import map carries the request's
    CSP nonce, so the admin keeps a script policy without 'unsafe-inline'."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


class PublishingAdminMixin:
    """For Publishable content: the state in words ("Scheduled for 5 March 2027, 10:00") in the
    list and on the form, the "publish until" time beside "publish from", and bulk actions to
    publish or set back to draft, for staff who may change the items."""

    actions = ["publish_selected", "draft_selected"]

    def _publishable(self):
        return issubclass(self.model, Publishable)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if not self._publishable():
            return columns
        return tuple("publication_state" if name == "status" else name for name in columns)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._publishable():
            return fieldsets
        extended = []
        for name, options in fieldsets:
            fields = list(options["fields"])
            if "publish_from" in fields and "publish_until" not in fields:
                fields.insert(fields.index("publish_from") + 1, "publish_until")
            if "status" in fields and obj is not None:
                fields.insert(fields.index("status"), "publication_state")
            extended.append((name, {**options, "fields": fields}))
        return extended

    def get_readonly_fields(self, request, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        return (*readonly, "publication_state") if self._publishable() else readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self._publishable():
            actions.pop("publish_selected", None)
            actions.pop("draft_selected", None)
        return actions

    @admin.display(description=_("on the site"), ordering="status")
    def publication_state(self, obj):
        return obj.publication_label() if obj.pk else "–"

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish_selected(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.PUBLISHED)

    @admin.action(description=_("Set the selected items back to draft"), permissions=["change"])
    def draft_selected(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        """Each item saved on its own, as the form saves it: its history, publication time and
        the page cache follow."""
        changed = [obj for obj in queryset if obj.status != status]
        for obj in changed:
            obj.status = status
            obj.save()
            message = [{"changed": {"fields": [str(obj._meta.get_field("status").verbose_name)]}}]
            self.log_change(request, obj, message)
        if status == Publishable.Status.PUBLISHED:
            text = ngettext("%(count)d item published.", "%(count)d items published.", len(changed))
        else:
            text = ngettext(
                "%(count)d item set back to draft.",
                "%(count)d items set back to draft.",
                len(changed),
            )
        self.message_user(request, text % {"count": len(changed)}, messages.SUCCESS)


class ContentAdmin(
    PublishingAdminMixin,
    PreviewAdminMixin,
    DraftDeletionMixin,
    HistoryMixin,
    SideBySideTranslationMixin,
    NonceMediaMixin,
    TabbedTranslationAdmin,
):
    # Staff paste addresses like "www.charite.de": they become https://, not http:// (Django's
    # default until 6.0).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        # The 250 countries in one pass, as on the public forms: through Django's template per
        # option they were a third of a partner's change page.
        if isinstance(db_field, CountryField) and "widget" not in kwargs:
            kwargs["widget"] = CountrySelect
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def action_checkbox(self, obj):
        # Django's markup, written in one pass: its CheckboxInput renders a template for each
        # row, a fifth of a 100-row list's time.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), obj),
        )


class PhotoInline(TranslationStackedInline):
    """Captioned photos of an item (an event's, a news article's), each with its thumbnail:
    the model has image, image_480, alt, caption and order."""

    extra = 0
    fields = ("image", "photo_thumbnail", "alt", "caption", "order")
    readonly_fields = ("photo_thumbnail",)

    @admin.display(description=_("thumbnail"))
    def photo_thumbnail(self, photo):
        return thumbnail(photo.image, photo.image_480, size=96)


def extend_content_admins(mixin, site=admin.site):
    """Put `mixin` in front of the class of every content admin registered on `site`.

    Called from an AppConfig.ready() above this layer, which runs after the admin has imported
    every app's admin module: the apps keep writing `class PartnerAdmin(ContentAdmin)` and
    never import the editorial workflow, which attaches itself from above."""
    for model_admin in site._registry.values():
        cls = type(model_admin)
        if isinstance(model_admin, ContentAdmin) and not issubclass(cls, mixin):
            namespace = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
            model_admin.__class__ = type(cls.__name__, (mixin, cls), namespace)
