import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# CI sets this so that a missing browser fails the run instead of skipping its tests.
BROWSER_TESTS_REQUIRED = os.environ.get("BROWSER_TESTS_REQUIRED", "") == "1"
LANGUAGES = ["uz", "ru", "en"]
EDITORS_GROUP = "International office editors"


@pytest.fixture(scope="session", autouse=True)
def plain_static_storage():
    """The manifest storage needs collectstatic; tests serve static files as they are."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeded(db):
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


# Real-browser tests -----------------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or BROWSER_TESTS_REQUIRED:
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (apt-get install -y chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


# Content factories -------------------------------------------------------------------------


@pytest.fixture
def make_partner(db):
    from partners.models import CooperationForm, Partner

    def make(slug, country="DE", kind="university", forms=(), **fields):
        fields.setdefault("name_en", slug.replace("-", " ").title())
        fields.setdefault("status", Partner.Status.PUBLISHED)
        partner = Partner.objects.create(slug=slug, country=country, kind=kind, **fields)
        if forms:
            partner.cooperation_forms.set(CooperationForm.objects.filter(slug__in=forms))
        return partner

    return make


@pytest.fixture
def make_program(db):
    from partners.models import Program

    def make(slug, partners=(), **fields):
        fields.setdefault("title_en", slug.replace("-", " ").title())
        fields.setdefault("summary_en", "A program.")
        fields.setdefault("level", Program.Level.MASTER)
        fields.setdefault("kind", Program.Kind.JOINT)
        fields.setdefault("status", Program.Status.PUBLISHED)
        program = Program.objects.create(slug=slug, **fields)
        program.partners.set(partners)
        return program

    return make


@pytest.fixture
def editors_group(db):
    """The group the migration made. A transactional test elsewhere on this worker ends with a
    flush that empties every table: then the migration's own code makes it again."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.db import connection

    if not Group.objects.filter(name=EDITORS_GROUP).exists():
        migration = importlib.import_module("samsmu_intl.accounts.migrations.0001_editors_group")
        migration.create_editors_group(apps, SimpleNamespace(connection=connection))
    return Group.objects.get(name=EDITORS_GROUP)


@pytest.fixture
def editor(editors_group, django_user_model):
    """A member of the editors' group, as the README describes the role."""
    user = django_user_model.objects.create_user(
        "editor", password="a long editor passphrase", is_staff=True
    )
    user.groups.add(editors_group)
    return user


@pytest.fixture
def admin_client(admin_client):
    """Staff read the admin in English in tests unless a test chooses otherwise."""
    admin_client.cookies["django_language"] = "en"
    return admin_client


@pytest.fixture
def make_event(db):
    import datetime

    from django.utils import timezone

    from events.models import Event

    def make(slug, starts_in=datetime.timedelta(days=7), hours=2, **fields):
        starts = timezone.now() + starts_in
        fields.setdefault("title_en", slug.replace("-", " ").title())
        fields.setdefault("summary_en", "An event.")
        fields.setdefault("kind", Event.Kind.CONFERENCE)
        fields.setdefault("status", Event.Status.PUBLISHED)
        fields.setdefault("starts_at", starts)
        fields.setdefault("ends_at", fields["starts_at"] + datetime.timedelta(hours=hours))
        return Event.objects.create(slug=slug, **fields)

    return make


@pytest.fixture
def make_registration(db):
    from events.models import Registration

    def make(event, email, name="P", **fields):
        """A registration as the site stores it (confirmed, English, with consent)."""
        fields = {
            "affiliation": "X",
            "country": "UZ",
            "consent": True,
            "language": "en",
            "status": Registration.Status.CONFIRMED,
            **fields,
        }
        return Registration.objects.create(event=event, email=email, name=name, **fields)

    return make


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached pages live in the cache: each test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_content_types():
    """A transactional test's flush recreates content types with new ids; drop the cached ones."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def private_media_in_tmp(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
