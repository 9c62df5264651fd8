"""The staff's admin site: Django's admin, signed in to in two steps, with each staff member's
second-factor pages among its own (so they have its frame, language choice and rules)."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samsmu_intl.accounts import enrolment, signin


class StaffAdminSite(admin.AdminSite):
    def get_urls(self):
        own = [
            path("login/code/", self.code_step, name="login-code"),
            path("two-factor/", self.page(enrolment.OverviewView), name="two-factor"),
            path("two-factor/set-up/", self.page(enrolment.SetUpView), name="two-factor-setup"),
            path(
                "two-factor/recovery-codes/",
                self.page(enrolment.NewRecoveryCodesView),
                name="two-factor-recovery-codes",
            ),
        ]
        return own + super().get_urls()

    def page(self, view_class):
        """A page for a signed-in staff member, in the admin's frame."""

        def view(request):
            request.current_app = self.name
            return view_class.as_view(extra_context=self.each_context(request))(request)

        return self.admin_view(view)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """Django's AdminSite.login, with the password step of signin.py as its view."""
        if request.method == "GET" and self.has_permission(request):
            return redirect("admin:index")
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return signin.PasswordStepView.as_view(extra_context=context)(request)

    @method_decorator(never_cache)
    def code_step(self, request):
        request.current_app = self.name
        return signin.CodeStepView.as_view(extra_context=self.each_context(request))(request)
