"""What a locked-out login sees: the admin's own page, in the language the staff member chose,
saying how long to wait, instead of axes' bare English text."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = ngettext(
        "Too many failed login attempts: this account is locked for %(minutes)d minute.",
        "Too many failed login attempts: this account is locked for %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    context = {
        **admin.site.each_context(request),
        "title": _("Account locked"),
        "message": message,
    }
    return render(request, "admin/lockout.html", context, status=429)
