"""The one base for the admin of the content visitors read (partners, programs, events, staff,
the department's page): translation tabs, preview links, drafts-only deletion, history, the
rich-text editor's CSP nonce; and `extend_content_admins`, through which the layers above
(the editors' translation workflow) add their features to every content admin."""

from django.contrib import admin
from django.db import models
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin

from samsmu_intl.content.drafts import DraftDeletionMixin
from samsmu_intl.content.history import HistoryMixin
from samsmu_intl.content.preview import PreviewAdminMixin


class NonceMediaMixin:
    """For ModelAdmins with the rich-text editor: its inline import map carries the request's
    CSP nonce, so the admin keeps a script policy without 'unsafe-inline'."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)


class ContentAdmin(
    PreviewAdminMixin,
    DraftDeletionMixin,
    HistoryMixin,
    NonceMediaMixin,
    TabbedTranslationAdmin,
):
    # Staff paste addresses like "www.charite.de": they become https://, not http:// (Django's
    # default until 6.0).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


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
