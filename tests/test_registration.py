import datetime
import io
import threading

import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from events.models import Event, Registration
from events.views import REGISTRATIONS_PER_ADDRESS_PER_HOUR

HOUR = datetime.timedelta(hours=1)


def register_url(event, language="en"):
    with translation.override(language):
        return reverse("events:register", args=[event.slug])


def details(**overrides):
    form = {
        "name": "Dilnoza Karimova",
        "email": "dilnoza@example.org",
        "affiliation": "Tashkent Medical Academy",
        "country": "UZ",
        "consent": "on",
        "website": "",
    }
    form.update(overrides)
    return form


@pytest.fixture
def webinar(make_event):
    return make_event("webinar", kind="webinar", starts_in=48 * HOUR, capacity=2)


def test_registration_is_stored_confirmed_and_emailed(client, webinar):
    response = client.post(register_url(webinar), details(), follow=True)
    html = response.content.decode()
    assert "You are registered. We have sent a confirmation to your email." in html
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.language == "en"
    assert registration.confirmation_sent_at is not None
    [message] = mail.outbox
    assert message.to == ["dilnoza@example.org"]
    assert "You are registered: Webinar" in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == "webinar.ics"
    assert mimetype.startswith("text/calendar")
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Webinar"


def test_email_speaks_the_visitors_language(client, webinar):
    webinar.title_ru = "Вебинар по хирургии"
    webinar.save()
    client.post(register_url(webinar, "ru"), details())
    [message] = mail.outbox
    assert "Вебинар по хирургии" in message.subject
    assert "Dilnoza Karimova" in message.body
    assert "/ru/events/webinar/" in message.body


def test_full_event_puts_people_on_the_waiting_list_and_says_so(client, webinar):
    client.post(register_url(webinar), details(email="a@example.org"))
    client.post(register_url(webinar), details(email="b@example.org"))
    response = client.post(register_url(webinar), details(email="c@example.org"), follow=True)
    assert "The event is full, so you are on the waiting list." in response.content.decode()
    assert Registration.objects.get(email="c@example.org").status == Registration.Status.WAITING
    assert "Waiting list: Webinar" in mail.outbox[-1].subject
    page = client.get(register_url(webinar)).content.decode()
    assert "All places are taken. You can still register: you will join the waiting list." in page


def test_second_registration_with_the_same_email_is_not_stored_twice(client, webinar):
    client.post(register_url(webinar), details())
    response = client.post(
        register_url(webinar), details(email=" DILNOZA@Example.org "), follow=True
    )
    assert "already registered for this event (registered)" in response.content.decode()
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_registration_closes_at_the_start(client, make_event):
    started = make_event("started", kind="webinar", starts_in=-HOUR)
    response = client.get(register_url(started))
    assert response.status_code == 410
    assert "Registration for this event has closed." in response.content.decode()
    assert client.post(register_url(started), details()).status_code == 410
    assert not Registration.objects.exists()


def test_registration_closes_at_its_deadline(client, make_event):
    event = make_event(
        "deadline",
        kind="seminar",
        starts_in=72 * HOUR,
        registration_deadline=timezone.now() - HOUR,
    )
    assert client.post(register_url(event), details()).status_code == 410
    event.registration_deadline = timezone.now() + HOUR
    event.save()
    assert client.post(register_url(event), details()).status_code == 302


def test_non_webinar_and_unpublished_events_take_no_registrations(client, make_event):
    conference = make_event("conference", kind="conference")
    response = client.post(register_url(conference), details())
    assert response.status_code == 404
    assert "registration is only for webinars and seminars" in response.content.decode()
    draft = make_event("draft", kind="webinar", status="draft")
    assert client.get(register_url(draft)).status_code == 404
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("email", "a" * 250 + "@example.org", "at most 254 characters"),
        ("name", "x" * 201, "at most 200 characters"),
        ("name", "", "This field is required."),
        ("name", "Bad\x07Name", "characters that cannot be used"),
        ("affiliation", "y" * 201, "at most 200 characters"),
        ("country", "XX", "Select a valid choice."),
        ("consent", "", "Without your consent we cannot register you."),
    ],
)
def test_bad_fields_are_refused_one_by_one(client, webinar, field, value, message):
    form = details(**{field: value})
    if not value:
        form.pop(field)
    response = client.post(register_url(webinar), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_answers_like_success_and_stores_nothing(client, webinar):
    response = client.post(
        register_url(webinar), details(website="http://spam.example"), follow=True
    )
    assert "Thank you. Your registration has been received." in response.content.decode()
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_too_many_registrations_from_one_address_are_refused(client, webinar):
    webinar.capacity = None
    webinar.save()
    for number in range(REGISTRATIONS_PER_ADDRESS_PER_HOUR):
        assert (
            client.post(register_url(webinar), details(email=f"p{number}@example.org")).status_code
            == 302
        )
    response = client.post(register_url(webinar), details(email="one-more@example.org"))
    assert response.status_code == 429
    assert "Too many registrations" in response.content.decode()
    assert Registration.objects.count() == REGISTRATIONS_PER_ADDRESS_PER_HOUR


def test_form_needs_a_csrf_token(webinar):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(register_url(webinar), details()).status_code == 403
    page = strict.get(register_url(webinar)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_failing_mail_server_loses_no_registration(client, webinar, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = client.post(register_url(webinar), details(), follow=True)
    assert response.status_code == 200
    assert "You are registered." in response.content.decode()
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is None
    assert "confirmation" in registration.email_error
    assert "Email 'confirmation' to registration" in caplog.text


def test_staff_see_failed_emails(admin_client, webinar, make_registration):
    make_registration(webinar, name="A", email="a@example.org", email_error="refused")
    make_registration(webinar, name="B", email="b@example.org")
    html = admin_client.get(
        reverse("admin:events_registration_changelist"), {"email_failed": "yes"}
    ).content.decode()
    assert "a@example.org" in html and "b@example.org" not in html


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite serialises writes"
)
def test_two_people_racing_for_the_last_place(make_event):
    event = make_event("race", kind="webinar", starts_in=48 * HOUR, capacity=1)
    barrier = threading.Barrier(2)
    results = []

    def register(email):
        barrier.wait()
        try:
            registration, _created = event.register(
                email=email, language="en", name=email, affiliation="X", country="UZ", consent=True
            )
            results.append(registration.status)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(f"{n}@example.org",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["confirmed", "waiting"]
    assert event.registrations.confirmed().count() == 1


def test_staff_move_someone_from_the_waiting_list(admin_client, webinar, make_registration):
    waiting = make_registration(
        webinar, name="W", email="w@example.org", language="ru", status="waiting"
    )
    admin_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "confirm_from_waiting_list", "_selected_action": [waiting.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    [message] = mail.outbox
    assert message.to == ["w@example.org"]
    assert message.attachments


def test_staff_export_registrations(admin_client, webinar, make_registration):
    make_registration(
        webinar, name="Ali Valiyev", email="ali@example.org", affiliation="TMA", language="uz"
    )
    url = reverse("admin:events_registration_export")
    fields = {f"registrationresource_{name}": "on" for name in ("name", "email", "status")}
    csv = admin_client.post(url, {"format": "0", "resource": "0", **fields})
    # Statuses as staff read them (tests/test_spreadsheets.py: every column, in each language).
    assert "Ali Valiyev,ali@example.org,Registered" in csv.content.decode()
    xlsx = admin_client.post(url, {"format": "1", "resource": "0", **fields})
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert ("Ali Valiyev", "ali@example.org", "Registered") in rows


def test_reminders_go_once_a_day_before(make_event, make_registration):
    soon = make_event("soon", kind="webinar", starts_in=20 * HOUR)
    later = make_event("later", kind="webinar", starts_in=50 * HOUR)
    for event in (soon, later):
        make_registration(event, name="R", email="r@example.org")
    make_registration(soon, name="Wait", email="wait@example.org", status="waiting")
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    call_command("send_event_reminders", stdout=out)
    # The confirmed get the reminder; the one still waiting, a day before, that no place came
    # free (tests/test_registration_link.py).
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Tomorrow: Soon", ["r@example.org"]),
        ("No place came free: Soon", ["wait@example.org"]),
    ]
    assert "Reminders sent: 1; failed: 0." in out.getvalue()
    assert "Reminders sent: 0; failed: 0." in out.getvalue()


def test_failed_reminder_is_tried_again_next_run(make_event, settings, make_registration):
    event = make_event("soon", kind="webinar", starts_in=20 * HOUR)
    make_registration(event, name="R", email="r@example.org")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    call_command("send_event_reminders", stdout=io.StringIO())
    assert Registration.objects.get().reminder_sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_event_reminders", stdout=io.StringIO())
    assert Registration.objects.get().reminder_sent_at is not None
    assert len(mail.outbox) == 1


def test_recording_action_emails_everyone_registered_once(
    admin_client, make_event, make_registration
):
    event = make_event("past", kind="webinar", starts_in=-5 * HOUR)
    for email in ("a@example.org", "b@example.org"):
        make_registration(event, name="P", email=email)
    url = reverse("admin:events_event_changelist")
    action = {"action": "email_recording", "_selected_action": [event.pk]}
    admin_client.post(url, action)
    assert not mail.outbox  # no recording link yet
    event.recording_url = "https://video.example.org/past"
    event.save()
    admin_client.post(url, action)
    admin_client.post(url, action)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    assert "https://video.example.org/past" in mail.outbox[0].body


def test_registration_page_query_count_is_fixed(
    client, webinar, django_assert_num_queries, make_registration
):
    for number in range(50):
        make_registration(webinar, name="P", email=f"{number}@example.org")
    with django_assert_num_queries(3):
        client.get(register_url(webinar))


@pytest.mark.parametrize("kind", Event.Kind.values)
def test_only_the_registration_kinds_have_a_registration_page(client, make_event, kind):
    event = make_event("upcoming", kind=kind, starts_in=48 * HOUR)
    expected = 200 if kind in Event.REGISTRATION_KINDS else 404
    assert client.get(register_url(event)).status_code == expected


def test_moving_people_past_the_capacity_asks_first(admin_client, make_event, make_registration):
    event = make_event("full-webinar", kind="webinar", capacity=1, title_en="Full webinar")
    make_registration(event, "first@example.org")
    waiting = make_registration(event, "second@example.org", status="waiting")
    changelist = reverse("admin:events_registration_changelist")
    selected = {"action": "confirm_from_waiting_list", "_selected_action": [waiting.pk]}

    question = admin_client.post(changelist, selected)
    assert question.status_code == 200
    page = question.content.decode()
    assert "Full webinar: 2 people for 1 place" in page
    assert 'name="over_capacity" value="confirmed"' in page
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITING  # nothing moved yet
    assert not mail.outbox

    admin_client.post(changelist, {**selected, "over_capacity": "confirmed"})
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
