"""A forgotten password, reset by email: Django's own views and tokens, on the admin's pages and
in the staff member's language (the email too: it is written in the language of the page it
was asked from). The page answers the same whether or not an address has an account; asking
is limited per visitor and per address, like the public forms; a link works once, for
PASSWORD_RESET_TIMEOUT. Django's password validators check the new password."""

import hashlib

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.translation import gettext as _

from samsmu_intl.accounts.forms import StaffPasswordResetForm
from samsmu_intl.serving.origin import site_origin
from samsmu_intl.serving.ratelimit import over_hourly_limit

REQUESTS_PER_VISITOR_PER_HOUR = 10
REQUESTS_PER_ADDRESS_PER_HOUR = 3


class AdminPageMixin:
    """The admin's frame around the page: its header, the language choice."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class RequestResetView(AdminPageMixin, auth_views.PasswordResetView):
    form_class = StaffPasswordResetForm
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset.txt"

    def form_valid(self, form):
        email = form.cleaned_data["email"].casefold()
        address = hashlib.sha256(email.encode()).hexdigest()
        if over_hourly_limit(
            self.request, "password-reset", REQUESTS_PER_VISITOR_PER_HOUR
        ) or over_hourly_limit(
            self.request, "password-reset-address", REQUESTS_PER_ADDRESS_PER_HOUR, per=address
        ):
            # The same answer for every address, with an account or without.
            form.add_error("email", _("Too many password reset requests: try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = {
            "origin": site_origin(self.request),
            "minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        return super().form_valid(form)


class ResetDoneView(AdminPageMixin, auth_views.PasswordResetDoneView):
    pass


class SetNewPasswordView(AdminPageMixin, auth_views.PasswordResetConfirmView):
    pass


class ResetCompleteView(AdminPageMixin, auth_views.PasswordResetCompleteView):
    pass


# Django's own names for these pages: its admin login page links to "admin_password_reset"
# when it exists, and its reset templates name the others.
urlpatterns = [
    path("password-reset/", RequestResetView.as_view(), name="admin_password_reset"),
    path("password-reset/sent/", ResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        SetNewPasswordView.as_view(),
        name="password_reset_confirm",
    ),
    path("password-reset/done/", ResetCompleteView.as_view(), name="password_reset_complete"),
]
