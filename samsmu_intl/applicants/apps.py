from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantsConfig(AppConfig):
    name = "samsmu_intl.applicants"
    label = "applicants"
    verbose_name = _("For applicants")
