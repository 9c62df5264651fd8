from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "samsmu_intl.certificates"
    label = "certificates"
    verbose_name = _("Certificates of participation")
