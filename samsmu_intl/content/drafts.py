"""Editors delete drafts only: a published item leaves the site by being set back to draft,
a deliberate step, never by a slip in the list's "delete selected" action. Superusers may
delete anything."""

from django.contrib import messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samsmu_intl.content.publishing import Publishable


def _is_published(obj):
    return getattr(obj, "status", None) == Publishable.Status.PUBLISHED


def _refusal(items):
    return _(
        "Published items cannot be deleted: %(items)s. Set them to draft and save first, "
        "or ask an administrator."
    ) % {"items": ", ".join(f"“{item}”" for item in items)}


def delete_selected_drafts(modeladmin, request, queryset):
    if not request.user.is_superuser:
        published = [obj for obj in queryset if _is_published(obj)]
        if published:
            modeladmin.message_user(request, _refusal(published), messages.ERROR)
            return None
    return delete_selected(modeladmin, request, queryset)


class DraftDeletionMixin:
    def _may_not_delete(self, request, obj):
        return obj is not None and not request.user.is_superuser and _is_published(obj)

    def has_delete_permission(self, request, obj=None):
        if self._may_not_delete(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if self._may_not_delete(request, obj) and super().has_delete_permission(request, obj):
            # Allowed to delete drafts: say why this one is refused instead of a bare 403.
            self.message_user(request, _refusal([obj]), messages.ERROR)
            opts = self.model._meta
            return redirect(
                reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    args=[object_id],
                )
            )
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _func, name, description = actions["delete_selected"]
            actions["delete_selected"] = (delete_selected_drafts, name, description)
        return actions


class DraftDeletionInlineMixin:
    """The same rule for rows edited inside their parent's form (a partner's agreements, the
    department's home page sections): an editor's "delete" box on a published row is refused
    with the reason, and nothing in the form is saved."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if request.user.is_superuser:
            return formset

        class DraftsOnlyFormSet(formset):
            def clean(self):
                super().clean()
                published = [form.instance for form in self.deleted_forms if form.instance.pk]
                published = [item for item in published if _is_published(item)]
                if published:
                    raise ValidationError(_refusal(published))

        return DraftsOnlyFormSet
