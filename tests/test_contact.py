import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from samsmu_intl.department.models import Department, Inquiry
from samsmu_intl.department.views import INQUIRIES_PER_ADDRESS_PER_HOUR


def contact_url(language="en"):
    with translation.override(language):
        return reverse("department:contact")


def question(**overrides):
    form = {
        "name": "Maria Ivanova",
        "email": "maria@example.org",
        "country": "KZ",
        "topic": "admission",
        "message": "How do I apply for the residency program?",
        "consent": "on",
        "website": "",
    }
    form.update(overrides)
    return form


@pytest.fixture
def department(seeded):
    page = Department.load()
    page.email = "intl@example.uz"
    page.phone = "+998 66 000 00 00"
    page.address_en = "18 Amir Temur Street, Samarkand"
    page.hours_en = "Mon–Fri 9:00–17:00"
    page.save()
    return page


def test_contact_page_shows_the_details(client, department):
    html = client.get(contact_url()).content.decode()
    assert "<h1>Contact</h1>" in html
    assert "18 Amir Temur Street, Samarkand" in html
    assert "Mon–Fri 9:00–17:00" in html
    assert 'href="mailto:intl@example.uz"' in html
    assert 'name="topic"' in html


def test_inquiry_is_stored_then_staff_are_emailed(client, department):
    response = client.post(contact_url("ru"), question(), follow=True)
    assert "Спасибо" in response.content.decode()
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.language == "ru"
    assert inquiry.staff_notified_at is not None
    message, acknowledgement = mail.outbox
    assert acknowledgement.to == ["maria@example.org"]
    assert message.to == ["intl@example.uz"]
    assert message.reply_to == ["maria@example.org"]
    assert "How do I apply for the residency program?" in message.body
    assert f"/admin/department/inquiry/{inquiry.pk}/change/" in message.body


def test_failing_mail_server_loses_no_inquiry(client, department, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = client.post(contact_url(), question(), follow=True)
    assert response.status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.staff_notified_at is None
    assert inquiry.email_error


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "nope", "Enter a valid email address."),
        ("topic", "lottery", "Select a valid choice."),
        ("message", "", "This field is required."),
        ("message", "x" * 5001, "at most 5000 characters"),
        ("consent", "", "Without your consent we cannot keep your question."),
    ],
)
def test_bad_fields_are_refused(client, department, field, value, message):
    form = question(**{field: value})
    if not value:
        form.pop(field)
    response = client.post(contact_url(), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Inquiry.objects.exists()


def test_the_empty_choices_say_what_to_choose(client, department):
    html = client.get(contact_url("ru")).content.decode()
    country = re.search(r'<select name="country"[^>]*>.*?</select>', html, re.S).group(0)
    topic = re.search(r'<select name="topic"[^>]*>.*?</select>', html, re.S).group(0)
    assert '<option value="" selected>Выберите страну</option>' in country
    assert re.search(r'<option value=""\s*selected>Выберите тему</option>', topic)
    assert "---" not in country + topic


def test_country_list_keeps_the_choice_in_the_page_language(client, department):
    html = client.post(contact_url("ru"), question(message="")).content.decode()
    select = re.search(r'<select name="country"[^>]*>.*?</select>', html, re.S).group(0)
    assert '<option value="KZ" selected>Казахстан</option>' in select
    assert select.count(" selected") == 1
    assert select.count("<option") > 240
    assert " required" in select.split(">")[0]
    html = client.post(contact_url(), question(country="XX")).content.decode()
    select = re.search(r'<select name="country"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in select
    assert "Select a valid choice." in html


def test_honeypot_and_rate_limit(client, department):
    client.post(contact_url(), question(website="http://spam.example"))
    assert not Inquiry.objects.exists()
    # The robot's post counts towards the limit too.
    for number in range(INQUIRIES_PER_ADDRESS_PER_HOUR - 1):
        client.post(contact_url(), question(email=f"p{number}@example.org"))
    assert Inquiry.objects.count() == INQUIRIES_PER_ADDRESS_PER_HOUR - 1
    assert client.post(contact_url(), question()).status_code == 429
    assert Inquiry.objects.count() == INQUIRIES_PER_ADDRESS_PER_HOUR - 1


def test_behind_the_proxy_each_visitor_has_their_own_limit(client, department, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def ask(forwarded_for, **fields):
        return client.post(
            contact_url(),
            question(**fields),
            REMOTE_ADDR="10.0.0.2",  # the proxy's, the same for everyone
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for number in range(INQUIRIES_PER_ADDRESS_PER_HOUR):
        assert ask("203.0.113.7", email=f"p{number}@example.org").status_code == 302
    assert ask("203.0.113.7").status_code == 429
    assert ask("198.51.100.1, 203.0.113.7").status_code == 429  # its own claim is ignored
    assert ask("198.51.100.23", email="other@example.org").status_code == 302
    assert Inquiry.objects.count() == INQUIRIES_PER_ADDRESS_PER_HOUR + 1


def test_without_a_trusted_proxy_a_forwarded_address_is_not_believed(client, department):
    for number in range(INQUIRIES_PER_ADDRESS_PER_HOUR):
        client.post(contact_url(), question(), HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    response = client.post(contact_url(), question(), HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_staff_track_inquiries_by_status(admin_client, department):
    inquiry = Inquiry.objects.create(
        name="A",
        email="a@example.org",
        country="UZ",
        topic="partnership",
        message="Hi",
        consent=True,
        language="en",
    )
    admin_client.post(
        reverse("admin:department_inquiry_changelist"),
        {"action": "mark_answered", "_selected_action": [inquiry.pk]},
    )
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED
    html = admin_client.get(
        reverse("admin:department_inquiry_changelist"), {"status__exact": "answered"}
    ).content.decode()
    assert "a@example.org" in html


def test_purge_deletes_old_personal_data_only(make_event, make_registration):
    old_event = make_event("old", kind="webinar", starts_in=-datetime.timedelta(days=400))
    new_event = make_event("new", kind="webinar", starts_in=-datetime.timedelta(days=10))
    for event in (old_event, new_event):
        make_registration(event, f"{event.slug}@example.org")
    old = Inquiry.objects.create(
        name="Old",
        email="o@example.org",
        country="UZ",
        topic="other",
        message="m",
        consent=True,
        language="en",
    )
    Inquiry.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    Inquiry.objects.create(
        name="New",
        email="n@example.org",
        country="UZ",
        topic="other",
        message="m",
        consent=True,
        language="en",
    )
    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "Would delete 1 registrations and 1 inquiries older than 365 days." in out.getvalue()
    assert Registration.objects.count() == 2
    call_command("purge_personal_data", stdout=io.StringIO())
    assert list(Registration.objects.values_list("email", flat=True)) == ["new@example.org"]
    assert list(Inquiry.objects.values_list("name", flat=True)) == ["New"]


ACKNOWLEDGEMENTS = {
    "uz": ("Savolingiz Xalqaro hamkorlik boʻlimiga yetib keldi", "Qabul"),
    "ru": ("Ваш вопрос получен Отделом международного сотрудничества", "Поступление"),
    "en": ("Your question has reached the Department of International Cooperation", "Admission"),
}


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_sender_is_acknowledged_in_the_language_they_wrote_in(client, department, language):
    client.post(contact_url(language), question())
    inquiry = Inquiry.objects.get()
    [acknowledgement] = [message for message in mail.outbox if message.to == [inquiry.email]]
    subject, topic = ACKNOWLEDGEMENTS[language]
    assert acknowledgement.subject == subject
    assert topic in acknowledgement.body
    assert contact_url(language) in acknowledgement.body
    assert "intl@example.uz" in acknowledgement.body
    assert acknowledgement.reply_to == ["intl@example.uz"]
    assert inquiry.acknowledged_at is not None


def test_acknowledgement_repeats_nothing_the_sender_typed(client, department):
    """Else the form would mail any address a text of a stranger's choosing."""
    client.post(
        contact_url(), question(name="Visit spam.example now", message="Buy at spam.example")
    )
    [acknowledgement] = [message for message in mail.outbox if "maria@" in message.to[0]]
    assert "spam.example" not in acknowledgement.subject + acknowledgement.body


def test_robots_get_no_acknowledgement(client, department):
    client.post(contact_url(), question(website="http://spam.example"))
    assert mail.outbox == []


def test_failing_mail_server_still_thanks_the_visitor_and_records_both_failures(
    client, department, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = client.post(contact_url("uz"), question(), follow=True)
    assert response.status_code == 200
    assert "notice--done" in response.content.decode()
    inquiry = Inquiry.objects.get()
    assert inquiry.acknowledged_at is None and inquiry.staff_notified_at is None
    assert inquiry.email_error


def test_contact_page_and_footer_open_the_address_in_openstreetmap(client, department):
    department.latitude, department.longitude = "39.65420", "66.95970"
    department.save()
    expected = (
        "https://www.openstreetmap.org/?mlat=39.65420&amp;mlon=66.95970#map=17/39.65420/66.95970"
    )
    for language in ("uz", "ru", "en"):
        html = client.get(contact_url(language)).content.decode()
        assert html.count(f'href="{expected}"') == 2  # the details and the footer
        assert "<iframe" not in html and "tile.openstreetmap" not in html


def test_without_coordinates_the_map_link_searches_the_address(client, department):
    html = client.get(contact_url()).content.decode()
    search = "https://www.openstreetmap.org/search?query=18+Amir+Temur+Street%2C+Samarkand"
    assert f'href="{search}"' in html
    department.address_en = ""
    department.save()
    assert "openstreetmap.org" not in client.get(contact_url()).content.decode()


def test_footer_shows_every_contact_detail_in_the_page_language(client, department):
    department.hours_ru = "Пн–Пт 9:00–17:00"
    department.address_ru = "ул. Амира Темура, 18, Самарканд"
    department.save()
    with translation.override("ru"):
        html = client.get(reverse("partners:list")).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert "Пн–Пт 9:00–17:00" in footer
    assert "ул. Амира Темура, 18, Самарканд" in footer
    assert 'href="tel:+998660000000"' in footer
    assert 'href="mailto:intl@example.uz"' in footer
    assert "openstreetmap.org/search?query=" in footer


def test_coordinates_outside_the_globe_are_refused(department):
    from django.core.exceptions import ValidationError

    department.latitude, department.longitude = 91, 66
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert set(error.value.message_dict) == {"latitude"}
