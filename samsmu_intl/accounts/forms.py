from django import forms
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    PasswordResetForm,
    SetUnusablePasswordMixin,
)
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class CodeForm(forms.Form):
    """One box for a six-digit code from the app or a recovery code: the sign-in tells them
    apart by their shape."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def add_wait_error(self, retry_at):
        """The code was not looked at: wrong codes just before it (django-otp's delay)."""
        seconds = max(1, int((retry_at - timezone.now()).total_seconds()) + 1)
        message = ngettext(
            "Too many wrong codes in a row: wait %(seconds)d second and try again.",
            "Too many wrong codes in a row: wait %(seconds)d seconds and try again.",
            seconds,
        )
        self.add_error("code", message % {"seconds": seconds})


class StaffPasswordResetForm(PasswordResetForm):
    """Django's reset form for staff accounts only: the site has no other kind, and if one is
    ever added, this page still resets no visitor's password."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)


class StaffPasswordChangeForm(AdminPasswordChangeForm):
    """Django's form for setting someone's password, its warning in the reader's language:
    Django joins its help text into one string when it starts, in the language it started in,
    and writes the warning in English."""

    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )
