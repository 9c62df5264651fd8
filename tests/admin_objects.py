"""One saved object per model in the admin's registry, with every field filled: images and logos,
the agreement's private PDF, one row of each inline, text in all three languages; its versions
to compare and a deleted version to recover. The admin guards (tests/test_admin_guard.py: every
page opens; tests/test_admin_uzbek.py: no English on any page) walk the pages of these objects,
so a model registered later is checked too."""

import datetime
import io
import itertools

from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.forms.models import _get_foreign_key
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_countries.fields import CountryField
from modeltranslation.translator import NotRegistered, translator
from PIL import Image
from reversion.admin import VersionAdmin
from reversion.models import Version

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEXT = {"uz": "Oʻzbekcha matn", "ru": "Русский текст", "en": "English text"}
_serial = itertools.count(1)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(buffer, "PNG")
    return SimpleUploadedFile("picture.png", buffer.getvalue(), content_type="image/png")


def translated_fields(model):
    try:
        return translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return {}


def value_for(field, language=None):
    """A plausible value for `field`: what a person would type or upload there."""
    n = next(_serial)
    text = TEXT.get(language, TEXT["en"])
    if field.choices:
        values = [value for value, _label in field.flatchoices if value not in ("", None)]
        return "published" if "published" in values else values[0]
    if isinstance(field, CountryField):
        return "DE"
    if isinstance(field, models.ImageField):
        return png()
    if isinstance(field, models.FileField):
        return SimpleUploadedFile("signed.pdf", PDF, content_type="application/pdf")
    if isinstance(field, models.EmailField):
        return f"guard{n}@example.org"
    if isinstance(field, models.URLField):
        return f"https://example.org/{n}"
    if isinstance(field, models.SlugField):
        return f"guard-{n}"
    if isinstance(field, models.GenericIPAddressField):
        return "203.0.113.7"
    if isinstance(field, models.BooleanField):
        return True
    if isinstance(field, models.DecimalField | models.FloatField):
        return 1
    if isinstance(field, models.IntegerField):
        return 10
    if isinstance(field, models.DateTimeField):
        # Later fields are later (an event's end after its start); "publish from" has passed.
        if "publish" in field.name:
            return timezone.now() - datetime.timedelta(days=1)
        return timezone.now() + datetime.timedelta(days=7, minutes=n)
    if isinstance(field, models.DateField):
        return timezone.localdate() + datetime.timedelta(days=n)
    if isinstance(field, models.TimeField):
        return datetime.time(10, 0)
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.TextField):
        return f"<p>{text} {n}</p>"
    if isinstance(field, models.CharField):
        return f"{text} {n}"[: field.max_length]
    raise NotImplementedError(f"No value for {field.model.__name__}.{field.name}: add one here.")


def fill(model, **given):
    """One saved `model` with every editable field filled, in every language."""
    originals = translated_fields(model)
    values = {}
    for field in model._meta.concrete_fields:
        if field.name in given or field.primary_key or not field.editable:
            continue
        if field.name in originals:  # its name_uz, name_ru, name_en columns are filled
            continue
        if field.is_relation:
            values[field.name] = fill(field.related_model)
            continue
        language = field.name.rsplit("_", 1)[-1]
        values[field.name] = value_for(field, language if language in TEXT else None)
    if model._meta.label == "auth.User":
        values.update(is_superuser=False, is_active=True)
    obj = model(**values, **given)
    if model._meta.label == "auth.User":
        obj.set_password("a long guard passphrase")
    obj.save()
    for field in model._meta.many_to_many:
        if field.name not in given:
            related = field.related_model.objects.first() or fill(field.related_model)
            getattr(obj, field.name).add(related)
    return obj


def fill_with_inlines(model_admin):
    model = model_admin.model
    obj = fill(model)  # the department's save() writes its one row, the one the site reads
    for inline in model_admin.inlines:
        if issubclass(inline, InlineModelAdmin):
            foreign_key = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            fill(inline.model, **{foreign_key.name: obj})
    return obj


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def url(model, page, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)


def versioned(model_admin):
    return isinstance(model_admin, VersionAdmin)


def save_in_two_versions(model_admin, obj, user):
    """Two versions to compare, as the admin's saves make them."""
    import reversion

    for comment in ("First version", "Second version"):
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(comment)
            model_admin.model.objects.get(pk=obj.pk).save()
    return Version.objects.get_for_object(obj).order_by("pk")


def deleted_version(model_admin, user):
    """A second filled object, deleted through the admin: its last version is recoverable."""
    if not model_admin.has_delete_permission(request_as(user)):
        return None
    doomed = fill_with_inlines(model_admin)
    import reversion

    with reversion.create_revision():
        reversion.set_user(user)
        model_admin.model.objects.get(pk=doomed.pk).save()
    with reversion.create_revision():
        doomed.delete()
    return Version.objects.get_deleted(model_admin.model).first()


def request_as(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def expected_pages(model_admin, obj, user, versions, deleted):
    """(url, status) of every admin page of `obj` that `user` opens, by the admin's own rules."""
    model, request = model_admin.model, request_as(user)
    may_view = model_admin.has_view_or_change_permission(request)
    may_view_obj = model_admin.has_view_or_change_permission(request, obj)
    may_delete = model_admin.has_delete_permission(request, obj)
    pages = [
        (url(model, "changelist"), 200 if may_view else 403),
        (url(model, "add"), 200 if model_admin.has_add_permission(request) else 403),
        (url(model, "change", obj.pk), 200 if may_view_obj else 403),
        (url(model, "history", obj.pk), 200 if may_view_obj else 403),
    ]
    if may_delete or not model_admin.has_delete_permission(request):
        pages.append((url(model, "delete", obj.pk), 200 if may_delete else 403))
    # else: allowed to delete drafts, not this published one: the change page says why (302),
    # as tests/test_roles.py proves.
    if versioned(model_admin):
        first, second = versions
        compare = f"{url(model, 'compare', obj.pk)}?version_id1={first.pk}&version_id2={second.pk}"
        pages.append((compare, 200 if may_view_obj else 403))
        recovers = model_admin.has_add_permission(request) and may_view
        pages.append((url(model, "recoverlist"), 200 if recovers else 403))
        if deleted is not None:
            pages.append((url(model, "recover", deleted.pk), 200 if recovers else 403))
    return pages
