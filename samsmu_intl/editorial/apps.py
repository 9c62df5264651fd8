from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "samsmu_intl.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from modeltranslation.translator import translator

        from samsmu_intl.content.admin import extend_content_admins
        from samsmu_intl.editorial.admin_mixins import EditorialAdminMixin
        from samsmu_intl.editorial.stale import forget_deleted

        # Every content admin shows translation status and stale marks (admin_mixins.py).
        extend_content_admins(EditorialAdminMixin)

        # A deleted item's translation history would otherwise count as stale for ever.
        for model in translator.get_registered_models(abstract=False):
            post_delete.connect(
                forget_deleted, sender=model, dispatch_uid=f"editorial-{model._meta.label_lower}"
            )
