"""Signing in to the admin: the password, then, for those who have a second factor, a code.

A right password alone does not sign such a person in: the session only remembers, for a few
minutes, who gave it. The second step signs them in once a code from their authenticator app
or one of their recovery codes is right, and marks the session verified as django-otp's
`login()` does. A wrong code is a failed login for django-axes, so wrong passwords and wrong
codes together lock the username out from that address."""

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import auth, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView, RedirectURLMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from samsmu_intl.accounts import second_factor
from samsmu_intl.accounts.forms import CodeForm

PENDING_SESSION_KEY = "accounts_password_given"
# Long enough to find the phone and open the app; past it, the password is asked again.
PENDING_SECONDS = 5 * 60


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class PasswordStepView(LoginView):
    """The admin's own login page and form; a person with a second factor goes on to the code."""

    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"
    next_page = "admin:index"  # when the form names no page to go on to

    def form_valid(self, form):
        user = form.get_user()
        if not second_factor.has_second_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user": user.pk,
            "backend": user.backend,
            "since": int(time.time()),
        }
        return redirect(with_next(reverse("admin:login-code"), self.get_redirect_url()))


def password_giver(request):
    """Who gave a right password in this session in the last few minutes, or None."""
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = auth.get_user_model()._default_manager.filter(pk=pending["user"]).first()
    if user is None or not user.is_active:
        return None
    user.backend = pending["backend"]
    return user


class CodeStepView(RedirectURLMixin, FormView):
    form_class = CodeForm
    template_name = "admin/login_code.html"
    next_page = "admin:index"

    def dispatch(self, request, *args, **kwargs):
        self.user = password_giver(request)
        if self.user is None:
            messages.info(request, _("Please enter your username and password again."))
            return redirect(with_next(reverse("admin:login"), self.get_redirect_url()))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "title": _("Two-factor authentication"),
            "next": self.get_redirect_url(),
        }

    def form_valid(self, form):
        credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(self.request, credentials):
            return get_lockout_response(self.request, credentials=credentials)
        check = second_factor.check_sign_in_code(self.user, form.cleaned_data["code"])
        if check.retry_at is not None:
            # Not looked at, so not a failed login: the delay already slows a guesser down.
            form.add_wait_error(check.retry_at)
            return self.form_invalid(form)
        if not check.accepted:
            # axes counts it; past the limit its middleware answers with the lockout page.
            user_login_failed.send(__name__, credentials=credentials, request=self.request)
            form.add_error("code", _("This code is not right. Check the app and try again."))
            return self.form_invalid(form)
        return self.sign_in(check)

    def sign_in(self, check):
        del self.request.session[PENDING_SESSION_KEY]
        auth.login(self.request, self.user)
        django_otp.login(self.request, check.device)
        if check.is_recovery_code:
            left = second_factor.recovery_codes_left(self.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code; %(left)d is left. "
                    "Set up your phone again, or make new recovery codes.",
                    "You signed in with a recovery code; %(left)d are left. "
                    "Set up your phone again, or make new recovery codes.",
                    left,
                )
                % {"left": left},
            )
        return redirect(self.get_success_url())
