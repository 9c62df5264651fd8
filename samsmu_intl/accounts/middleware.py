from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from samsmu_intl.accounts.second_factor import has_second_factor


class SecondFactorMiddleware:
    """Staff with a second factor use it; superusers have one.

    After OTPMiddleware, which says whether this session gave a code (`user.is_verified()`):
    - staff with a second factor whose session never gave its code (it signed in with a
      password only, before the phone was set up in another session) are signed out and asked
      to sign in again;
    - a superuser without one is sent to the set-up page from every page except that one,
      logging out and the language choice, until it is set up.

    A verified session costs no query here; an unverified staff member's costs one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; not reading the session then keeps
        # public pages free of "Vary: Cookie", and so cacheable.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_verified():
            if has_second_factor(user):
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if user.is_superuser and request.path not in open_to_superusers_without_one():
                setup = reverse("admin:two-factor-setup")
                return redirect_to_login(request.get_full_path(), setup)
        return self.get_response(request)


def open_to_superusers_without_one():
    return {reverse("admin:two-factor-setup"), reverse("admin:logout"), reverse("set_language")}
