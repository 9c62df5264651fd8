from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepartmentConfig(AppConfig):
    name = "samsmu_intl.department"
    label = "department"
    verbose_name = _("Department")
