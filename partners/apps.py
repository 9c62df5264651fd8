from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from partners.cooperation_forms import ensure_cooperation_forms

        post_migrate.connect(ensure_cooperation_forms, sender=self)
