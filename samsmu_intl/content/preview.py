"""The staff's preview: an item, draft or scheduled, shown with its public page's template in
each language before visitors can see it.

A preview view is the public view with `PreviewMixin` in front: the mixin lets only staff who
may view the model in (everyone else gets the same 404 as for a draft), widens `visible()` from
published items to all of them, adds the banner and keeps the page out of search engines and
shared caches. The page cache never stores it anyway (it skips logged-in staff), but the
headers say so to any proxy too. `PreviewAdminMixin` puts the links on the admin's change page."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def can_preview(user, model):
    opts = model._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def banner_text(item):
    """What the banner says about the previewed item (None: a page of several items)."""
    if item is None:
        return _("Preview: drafts and scheduled items are shown, which visitors do not see.")
    if item.status != item.Status.PUBLISHED:
        return _("Preview: not visible to visitors (draft).")
    if item.publish_from and item.publish_from > timezone.now():
        when = timezone.localtime(item.publish_from)
        return _("Preview: not visible to visitors (scheduled for %(date)s, Tashkent time).") % {
            "date": date_format(when, "DATETIME_FORMAT")
        }
    if item.publish_until and item.publish_until <= timezone.now():
        when = timezone.localtime(item.publish_until)
        return _("Preview: not visible to visitors (taken down on %(date)s, Tashkent time).") % {
            "date": date_format(when, "DATETIME_FORMAT")
        }
    return _("Preview: this is published and visible to visitors.")


class PreviewMixin:
    """In front of a public view: `preview_model` is what staff must be allowed to view."""

    preview_model = None

    def dispatch(self, request, *args, **kwargs):
        if not can_preview(request.user, self.preview_model):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def visible(self, queryset):
        return queryset.all()

    def previewed_item(self):
        return getattr(self, "object", None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["staff_preview"] = banner_text(self.previewed_item())
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        patch_cache_control(response, private=True, no_store=True)
        return response


class PreviewAdminMixin:
    """Links "Preview in <language>" on the change page, for admins that set
    `preview_url_name` (a URL taking the item's pk, or nothing: see `preview_url_kwargs`)."""

    preview_url_name = None

    def preview_url_kwargs(self, obj):
        return {"pk": obj.pk}

    def preview_links(self, request, obj):
        if not self.preview_url_name or obj is None or obj.pk is None:
            return []
        if not can_preview(request.user, self.model):
            return []
        links = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                url = reverse(self.preview_url_name, kwargs=self.preview_url_kwargs(obj))
            links.append({"code": code, "language": settings.LANGUAGE_AUTONYMS[code], "url": url})
        return links

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["preview_links"] = self.preview_links(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)
