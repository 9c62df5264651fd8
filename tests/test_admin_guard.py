"""Every page of the admin opens for an object with every field filled, in every language.

The public pages have guards that walk every URL; this is the same for the staff's side. For
each model in the admin site's registry (so a model registered later is checked too) one object
is made with every field filled: images and logos, the agreement's private PDF, one row of each
inline, text in all three languages. Its changelist, add, change, history, compare, delete,
"recover deleted" list and recover pages are then opened as a superuser and as an editor, in
uz, ru and en. A page answers what the admin's own permissions say (200, or 403 where a role
may not), never 500: the agreement PDF's widget once asked private storage for a URL and made
every partner with a signed agreement impossible to open or recover."""

import re

import pytest
from django.urls import reverse

from tests.admin_objects import (
    deleted_version,
    expected_pages,
    fill_with_inlines,
    registered,
    request_as,
    save_in_two_versions,
    url,
    versioned,
)
from tests.conftest import LANGUAGES
from tests.second_factor import sign_in


@pytest.mark.parametrize(
    "model_admin", [model_admin for _model, model_admin in registered()], ids=str
)
@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_every_admin_page_opens_for_a_fully_filled_object(
    client, admin_user, editor, model_admin, role
):
    user = admin_user if role == "superuser" else editor
    obj = fill_with_inlines(model_admin)
    versions = deleted = None
    if versioned(model_admin):
        versions = save_in_two_versions(model_admin, obj, admin_user)
        deleted = deleted_version(model_admin, admin_user)
    pages = expected_pages(model_admin, obj, user, versions, deleted)
    sign_in(client, user)
    signed_out = {reverse("admin:login"), reverse("admin:two-factor-setup")}

    for language in LANGUAGES:
        client.cookies["django_language"] = language
        for page, status in pages:
            response = client.get(page, follow=True)
            assert response.status_code == status, f"{role} {language} {page}"
            assert response.request["PATH_INFO"] not in signed_out, f"{role} {page}"
            if status == 200:
                assert response.context is not None and "Server Error" not in str(
                    response.content[:2000]
                )


def test_the_guard_covers_every_registered_model():
    labels = {model._meta.label for model, _admin in registered()}
    assert {"partners.Partner", "events.Event", "department.Department", "auth.User"} <= labels


@pytest.mark.parametrize(
    "model_admin", [model_admin for _model, model_admin in registered()], ids=str
)
def test_every_required_field_is_marked_required_on_its_add_form(admin_client, model_admin):
    request = request_as(admin_client.get(reverse("admin:index")).wsgi_request.user)
    if not model_admin.has_add_permission(request):
        return
    response = admin_client.get(url(model_admin.model, "add"))
    html = response.content.decode()
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        if not field.required or field.widget.is_hidden:
            continue
        label = re.escape(str(field.label))
        marked = re.search(
            rf'<label class="required"( for="id_{name}(_0)?")?>{label}:</label>', html
        )
        assert marked, f"{model_admin.model.__name__}.{name} is required but not marked"


def test_the_event_list_offers_only_the_countries_its_events_are_in(admin_client, make_event):
    make_event("in-baku", country="AZ")
    make_event("in-istanbul", country="TR")
    html = admin_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert re.search(r'href="\?country=AZ"[^>]*>Azerbaijan</a>', html)
    assert re.search(r'href="\?country=TR"[^>]*>Türkiye</a>', html)
    assert "Albania" not in html
