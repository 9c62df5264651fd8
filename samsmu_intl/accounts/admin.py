"""Staff accounts in the admin: who has a second factor, and a superuser resetting one; the
list of failed sign-ins in the reader's language."""

from axes.admin import AccessAttemptAdmin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samsmu_intl.accounts.forms import StaffPasswordChangeForm
from samsmu_intl.accounts.second_factor import reset_second_factor, with_second_factor_flag

# django-otp's own lists of devices stay out of the admin: their secrets are nobody's to read.
# A person manages their own second factor on their page; a superuser resets one from the list
# of users below.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    change_password_form = StaffPasswordChangeForm
    list_display = (*UserAdmin.list_display, "second_factor")
    actions = ["reset_second_factor"]

    def get_queryset(self, request):
        return with_second_factor_flag(super().get_queryset(request))

    @admin.display(
        description=_("Two-factor authentication"), boolean=True, ordering="has_second_factor"
    )
    def second_factor(self, user):
        return user.has_second_factor

    @admin.action(
        description=_("Reset two-factor authentication (a lost phone)"),
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request, queryset):
        reset = [user for user in queryset if reset_second_factor(user)]
        for user in reset:
            # Shown in the reader's language: the history translates a changed field's name.
            self.log_change(request, user, [{"changed": {"fields": ["Two-factor authentication"]}}])
        count = len(reset)
        self.message_user(
            request,
            ngettext(
                "Two-factor authentication was reset for %(count)d person: they can set up a new "
                "phone after signing in with their password (a superuser must, at once).",
                "Two-factor authentication was reset for %(count)d people: they can set up a new "
                "phone after signing in with their password (a superuser must, at once).",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_reset_second_factor_permission(self, request):
        return request.user.is_superuser


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class SignInAttemptAdmin(AccessAttemptAdmin):
    """axes' own list, its status column named and written in the reader's language (axes
    names it after its method and writes "3 Attempt Remaining"), and its clean-up action's
    message (axes' is an f-string, which no catalogue can translate)."""

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        # axes reads the time of a sign-in attempt from the request, which only its login
        # handling sets: without it, its own action answered 500. The attempt is now.
        request.axes_attempt_time = timezone.now()
        count = self.handler.clean_expired_user_attempts(request=request)
        message = ngettext(
            "%(count)d expired attempt was cleaned up.",
            "%(count)d expired attempts were cleaned up.",
            count,
        )
        self.message_user(request, message % {"count": count})

    @admin.display(description=_("Status"))
    def status(self, obj):
        left = axes_settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left <= 0:
            return _("Locked Out")
        return ngettext("%(count)d attempt left", "%(count)d attempts left", left) % {"count": left}
