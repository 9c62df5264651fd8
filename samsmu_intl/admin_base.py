"""The one base for the admin of the content visitors read (partners, programs, events, staff,
the department's page): translation tabs and the rich-text editor's CSP nonce, and the place
where every content admin gains what the editors' workflow adds."""

from django.db import models
from modeltranslation.admin import TabbedTranslationAdmin

from samsmu_intl.admin_drafts import DraftDeletionMixin
from samsmu_intl.admin_history import HistoryMixin
from samsmu_intl.admin_media import NonceMediaMixin
from samsmu_intl.editorial.admin_mixins import EditorialAdminMixin
from samsmu_intl.preview import PreviewAdminMixin


class ContentAdmin(
    PreviewAdminMixin,
    EditorialAdminMixin,
    DraftDeletionMixin,
    HistoryMixin,
    NonceMediaMixin,
    TabbedTranslationAdmin,
):
    # Staff paste addresses like "www.charite.de": they become https://, not http:// (Django's
    # default until 6.0).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
