"""A staff member's own second-factor pages in the admin: what they have, setting up a phone by
its QR code (confirmed with a code it shows), and recovery codes, shown once to print."""

import django_otp
from django.contrib.auth.views import RedirectURLMixin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from samsmu_intl.accounts import second_factor
from samsmu_intl.accounts.forms import CodeForm


def printable(code):
    """A recovery code in two groups of four, easier to copy by hand; typed either way."""
    return f"{code[:4]} {code[4:]}"


def recovery_codes_page(request, codes, extra_context, next_url=None):
    context = {
        **extra_context,
        "title": _("Your recovery codes"),
        "codes": [printable(code) for code in codes],
        "next": next_url or reverse("admin:index"),
    }
    return render(request, "admin/two_factor/recovery_codes.html", context)


class OverviewView(TemplateView):
    template_name = "admin/two_factor/overview.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "title": _("Two-factor authentication"),
            "authenticator": second_factor.confirmed_authenticators(user).first(),
            "recovery_codes_left": second_factor.recovery_codes_left(user),
        }


class SetUpView(RedirectURLMixin, FormView):
    form_class = CodeForm
    template_name = "admin/two_factor/set_up.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = second_factor.authenticator_being_set_up(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "title": _("Set up two-factor authentication"),
            "qr_code": second_factor.qr_code_data_uri(self.device),
            "typed_key": second_factor.typed_key(self.device),
            "next": self.get_redirect_url(),
        }

    def form_valid(self, form):
        check, codes = second_factor.confirm_authenticator(self.device, form.cleaned_data["code"])
        if check.retry_at is not None:
            form.add_wait_error(check.retry_at)
            return self.form_invalid(form)
        if not check.accepted:
            form.add_error(
                "code",
                _("This code is not right. Check that the app shows SamSMU International."),
            )
            return self.form_invalid(form)
        # This session has just given a code from the new phone.
        django_otp.login(self.request, check.device)
        return recovery_codes_page(self.request, codes, self.extra_context, self.get_redirect_url())


class NewRecoveryCodesView(View):
    """New recovery codes, when the old ones are used up or lost; the old ones stop working."""

    http_method_names = ["post"]
    extra_context = None

    def post(self, request):
        if not request.user.is_verified():  # no phone set up: nothing to recover
            return redirect("admin:two-factor")
        codes = second_factor.issue_recovery_codes(request.user)
        return recovery_codes_page(request, codes, self.extra_context)
