import argparse
import datetime
import io
import os
import re
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


# The clock ---------------------------------------------------------------------------------
# From 19:00 UTC it is already tomorrow in Tashkent (UTC+5): a test that compares a UTC date with
# a date the site shows fails for five hours a day. `--clock=20:30` runs the tests with Python's
# clock moved to 20:30 UTC today (01:30 tomorrow in Tashkent), ticking from there, so that such a
# test fails at any hour. time-machine moves it in this process and, as each pytest-xdist worker
# loads this file, in every worker (Debian's faketime reaches no worker). The database's own
# clock (NOW() on PostgreSQL) and any subprocess (gunicorn, Chromium) keep the real time: the
# site takes every "now" from Python (timezone.now(), auto_now), and test_clock.py checks that it
# keeps doing so.


def clock_time(value):
    """The UTC time of day that --clock asks for: HH:MM or HH:MM:SS."""
    match = re.fullmatch(r"(\d{2}):(\d{2})(?::(\d{2}))?", value)
    try:
        if not match:
            raise ValueError
        hour, minute, second = (int(part or 0) for part in match.groups())
        return datetime.time(hour, minute, second, tzinfo=datetime.UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a UTC time of day: give HH:MM, e.g. --clock=20:30"
        ) from None


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        type=clock_time,
        metavar="HH:MM",
        help="run with the clock at this UTC time of day, today, ticking (20:30 is 01:30 "
        "tomorrow in Tashkent)",
    )


def clock_start(config):
    """When the run starts by the moved clock (a timestamp), or None without --clock."""
    if config.getoption("clock") is None:
        return None
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None and "clock_start" in workerinput:
        return workerinput["clock_start"]  # one start for all workers, whatever the hour
    today = datetime.datetime.now(datetime.UTC).date()
    return datetime.datetime.combine(today, config.getoption("clock")).timestamp()


CLOCK_START = pytest.StashKey[float]()


def pytest_configure(config):
    start = clock_start(config)
    if start is None:
        return
    import time_machine

    # A timestamp, not a datetime: with an aware datetime time-machine would also set TZ=UTC.
    travel = time_machine.travel(start, tick=True)
    travel.start()
    config.add_cleanup(travel.stop)
    config.stash[CLOCK_START] = start


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist: the workers' clocks start where the controller's did."""
    if CLOCK_START in node.config.stash:
        node.workerinput["clock_start"] = node.config.stash[CLOCK_START]


def pytest_report_header(config):
    if CLOCK_START not in config.stash:
        return None
    from zoneinfo import ZoneInfo

    from django.conf import settings

    start = datetime.datetime.fromtimestamp(config.stash[CLOCK_START], datetime.UTC)
    local = start.astimezone(ZoneInfo(settings.TIME_ZONE))
    return (
        f"clock: {start:%Y-%m-%d %H:%M:%S} UTC, {local:%Y-%m-%d %H:%M} in {settings.TIME_ZONE} "
        "(time-machine, ticking)"
    )


@pytest.fixture(scope="session", autouse=True)
def plain_static_storage():
    """The manifest storage needs collectstatic; tests serve static files as they are."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Hashing a password the production way (PBKDF2) costs a good part of a second, and most
    admin tests make a staff user; no test here depends on how passwords are hashed."""
    from django.conf import settings

    production_hashers = settings.PASSWORD_HASHERS
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield production_hashers


@pytest.fixture
def production_password_hashing(settings, fast_password_hasher):
    """For a password that another process checks: a server with the production settings."""
    settings.PASSWORD_HASHERS = fast_password_hasher


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeded(db):
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture
def public_site(seeded, make_program, make_event, make_news, make_document):
    """The content every page type of tests/public_pages.py shows: the seed, a program of its
    partners, an upcoming online webinar with two places, open for registration, one of them
    taken by the registration whose personal link the pages walk, someone who attended the
    seed's past forum and their certificate, a news article about the
    seed's partner and event, a public document of the program and a question in the
    applicants' guide."""
    import datetime

    from django.utils import timezone

    from events.models import Event, Registration
    from partners.models import Partner, Program
    from samsmu_intl.applicants.models import ApplicantGuide
    from samsmu_intl.certificates.models import Certificate
    from tests.public_pages import (
        PAST_EVENT,
        SITE_ATTENDEE,
        SITE_CERTIFICATE_CODE,
        SITE_REGISTRATION,
    )

    make_program(
        "summer-school",
        partners=Partner.objects.all(),
        title_uz="Klinik tadqiqotlar boʻyicha yozgi maktab",
        title_ru="Летняя школа по клиническим исследованиям",
        title_en="Summer school in clinical research",
        summary_uz="Istanbulda ikki hafta.",
        summary_ru="Две недели в Стамбуле.",
        summary_en="Two weeks in Istanbul.",
        how_to_apply_en="<p>Write to the <a href='mailto:x@example.org'>department</a>.</p>",
        level=Program.Level.SUMMER_SCHOOL,
        kind=Program.Kind.MOBILITY,
    )
    # On the minute, as staff enter it (a backup keeps milliseconds, not microseconds).
    starts = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=3)
    webinar = make_event(
        "webinar",
        starts_at=starts,
        title_uz="Klinik tadqiqotlar boʻyicha vebinar",
        title_ru="Вебинар по клиническим исследованиям",
        title_en="Webinar on clinical research",
        summary_uz="Hamkorlar uchun onlayn seminar.",
        summary_ru="Онлайн-семинар для партнёров.",
        summary_en="An online seminar for partners.",
        kind=Event.Kind.WEBINAR,
        is_online=True,
        capacity=2,
    )
    Registration.objects.create(
        **SITE_REGISTRATION,
        event=webinar,
        name="Guest Speaker",
        affiliation="Yeditepe University",
        country="TR",
        consent=True,
        language="en",
        status=Registration.Status.CONFIRMED,
    )
    attendee = Registration.objects.create(
        **SITE_ATTENDEE,
        event=Event.objects.get(slug=PAST_EVENT),
        name="Gʻayrat Oʻrinov",
        affiliation="Yeditepe University",
        country="TR",
        consent=True,
        language="uz",
        status=Registration.Status.CONFIRMED,
        attendance=Registration.Attendance.ATTENDED,
    )
    Certificate.objects.issue(attendee)
    Certificate.objects.filter(registration=attendee).update(code=SITE_CERTIFICATE_CODE)
    seeded_news_article(make_news)
    make_document(
        "pdf",
        programs=Program.objects.filter(slug="summer-school"),
        title_uz="Ariza shakli",
        title_ru="Бланк заявки",
        title_en="Application form",
    )
    ApplicantGuide.load().questions.create(
        status="published",
        question_uz="Qaysi tilda yozish mumkin?",
        question_ru="На каком языке можно писать?",
        question_en="In which language may I write?",
        answer_uz="<p>Oʻzbek, rus yoki ingliz tilida.</p>",
        answer_ru="<p>На узбекском, русском или английском.</p>",
        answer_en="<p>In Uzbek, Russian or English.</p>",
    )


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
        schema_editor = SimpleNamespace(connection=connection)
        migrations = "samsmu_intl.accounts.migrations"
        importlib.import_module(f"{migrations}.0001_editors_group").create_editors_group(
            apps, schema_editor
        )
        importlib.import_module(f"{migrations}.0002_editors_write_news").grant_news(
            apps, schema_editor
        )
        importlib.import_module(f"{migrations}.0003_editors_write_for_applicants").grant_applicants(
            apps, schema_editor
        )
        importlib.import_module(f"{migrations}.0004_editors_certificates").grant_certificates(
            apps, schema_editor
        )
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
def admin_user(admin_user):
    """pytest-django's superuser, with the second factor every superuser must have."""
    from tests.second_factor import give_authenticator

    give_authenticator(admin_user)
    return admin_user


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The superuser signed in with both factors, as the code step leaves a session; staff read
    the admin in English in tests unless a test chooses otherwise."""
    from tests.second_factor import verify_session

    verify_session(admin_client, admin_user)
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
def make_news(db):
    from samsmu_intl.news.models import NewsArticle

    def make(slug, partners=(), events=(), **fields):
        fields.setdefault("title_en", slug.replace("-", " ").title())
        fields.setdefault("summary_en", "A news article.")
        fields.setdefault("kind", NewsArticle.Kind.ANNOUNCEMENT)
        fields.setdefault("status", NewsArticle.Status.PUBLISHED)
        article = NewsArticle.objects.create(slug=slug, **fields)
        article.partners.set(partners)
        article.events.set(events)
        return article

    return make


def document_bytes(kind):
    """A small real file of each kind staff upload: a PDF, a Word document, an Excel workbook
    (openpyxl writes it as Excel does)."""
    import io as file_io
    import zipfile

    if kind == "pdf":
        return (
            b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
        )
    buffer = file_io.BytesIO()
    if kind == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.active["A1"] = "Name"
        workbook.save(buffer)
        return buffer.getvalue()
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Form</w:t>'
            "</w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


@pytest.fixture
def make_document(db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samsmu_intl.applicants.models import PublicDocument

    def make(kind="pdf", programs=(), name=None, **fields):
        fields.setdefault("title_en", f"A {kind} document")
        fields.setdefault("kind", PublicDocument.Kind.FORM)
        fields.setdefault("language", "en")
        fields.setdefault("status", PublicDocument.Status.PUBLISHED)
        upload = SimpleUploadedFile(name or f"document.{kind}", document_bytes(kind))
        document = PublicDocument.objects.create(file=upload, **fields)
        document.programs.set(programs)
        return document

    return make


@pytest.fixture
def seeded_news(seeded, make_news):
    return seeded_news_article(make_news)


def seeded_news_article(make_news):
    """The seed has no news (nothing invented): the page guards add one article, in three
    languages, with a cover and a photo, about the seed's partner and event."""
    import io as image_io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from events.models import Event
    from partners.models import Partner

    def png(name):
        buffer = image_io.BytesIO()
        Image.new("RGB", (320, 200), "teal").save(buffer, "PNG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

    texts = {
        "uz": ("Yeditepe universitetidagi almashinuv", "Talabalar Istanbulda", "Auditoriya"),
        "ru": ("Обмен в Университете Едитепе", "Студенты в Стамбуле", "Аудитория"),
        "en": ("Exchange at Yeditepe University", "Students in Istanbul", "A lecture hall"),
    }
    fields = {}
    for code, (title, summary, alt) in texts.items():
        fields |= {f"title_{code}": title, f"summary_{code}": summary, f"cover_alt_{code}": alt}
    article = make_news(
        "exchange-report",
        kind="mobility-report",
        cover=png("cover.png"),
        partners=Partner.objects.filter(slug="yeditepe-university"),
        events=Event.objects.filter(slug="forum-yeditepe-university-2024"),
        **fields,
    )
    article.photos.create(
        image=png("photo.png"), **{f"alt_{code}": alt for code, (_t, _s, alt) in texts.items()}
    )
    return article


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


@pytest.fixture
def unreachable_database():
    """Swap in a real connection to a database that does not answer, then put the real one back."""
    from django.db import connections

    working = connections["default"]
    settings_dict = {**working.settings_dict}
    if working.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="1", OPTIONS={"connect_timeout": 2})
    broken = working.__class__(settings_dict, alias="default")
    connections["default"] = broken
    yield
    broken.close()
    connections["default"] = working
