import axes.apps
import django.contrib.admin.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts: the editors' group and its rights (a data migration), the login lockout,
    password resets by email and the second factor."""

    name = "samsmu_intl.accounts"
    label = "accounts"
    # This module holds two configurations (axes' below): Django picks this one by default.
    default = True
    verbose_name = _("Staff accounts")

    def ready(self):
        from samsmu_intl.accounts.names import show_names_translated

        show_names_translated()


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a name staff can read in the admin's list of sections."""

    verbose_name = _("Login protection")


class AdminConfig(django.contrib.admin.apps.AdminConfig):
    """Django's admin on the staff's site: the same admin, signed in to with a second factor."""

    default = False  # Django's is its app's default; this one is named in INSTALLED_APPS
    default_site = "samsmu_intl.accounts.sites.StaffAdminSite"
