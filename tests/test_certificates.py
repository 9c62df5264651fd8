"""Certificates of participation: the PDF (its text read back with pypdf, in uz, ru and en), who
may have one and when, the verification page for a real and a forged code, a certificate that
outlives its registration, and the recording email's link."""

import datetime
import io
import re

import pytest
from django.contrib.admin import helpers
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from events.models import Event, Registration
from samsmu_intl.certificates.models import Certificate, CertificateTemplate, normalized_code

HOUR = datetime.timedelta(hours=1)
TITLES = {
    "title_uz": "Oʻpka kasalliklari boʻyicha vebinar",
    "title_ru": "Вебинар по болезням лёгких",
    "title_en": "Webinar on lung diseases",
}


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def certificate_link(registration, language="en"):
    slug, token = registration.event.slug, registration.link_token
    return url("certificates:attendee", language, slug=slug, token=token)


def verify_link(code, language="en"):
    return url("certificates:verify", language, code=code)


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    [page] = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(page.extract_text().split())


@pytest.fixture
def past_webinar(make_event):
    """Yesterday, 14:00 to 15:30 in Tashkent."""
    from django.utils import timezone

    yesterday = timezone.localtime() - datetime.timedelta(days=1)
    starts = yesterday.replace(hour=14, minute=0, second=0, microsecond=0)
    return make_event(
        "lungs",
        kind=Event.Kind.WEBINAR,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
        **TITLES,
    )


@pytest.fixture
def attendee(past_webinar, make_registration):
    def make(language="en", name="Gʻulom Oʻrinov", email="gulom@example.org", **fields):
        fields.setdefault("attendance", Registration.Attendance.ATTENDED)
        return make_registration(past_webinar, email, name=name, language=language, **fields)

    return make


# The PDF, in the attendee's language --------------------------------------------------------

EXPECTED = {
    "uz": [
        "SAMARQAND DAVLAT TIBBIYOT UNIVERSITETI",
        "Xalqaro hamkorlik boʻlimi",
        "ISHTIROKCHI SERTIFIKATI",
        "Shu bilan tasdiqlanadiki,",
        "Oʻpka kasalliklari boʻyicha vebinar",
        "1 soat 30 daqiqa",
        "Sertifikat kodi",
        "Xalqaro hamkorlik boʻlimi boshligʻi",
    ],
    "ru": [
        "САМАРКАНДСКИЙ ГОСУДАРСТВЕННЫЙ МЕДИЦИНСКИЙ УНИВЕРСИТЕТ",
        "Отдел международного сотрудничества",
        "СЕРТИФИКАТ УЧАСТНИКА",
        "Вебинар по болезням лёгких",
        "1 час 30 минут",
        "Код сертификата",
        "Начальник отдела международного сотрудничества",
    ],
    "en": [
        "SAMARKAND STATE MEDICAL UNIVERSITY",
        "Department of International Cooperation",
        "CERTIFICATE OF PARTICIPATION",
        "This is to certify that",
        "Webinar on lung diseases",
        "1 hour 30 minutes",
        "Certificate code",
        "Head of the Department of International Cooperation",
    ],
}
NAMES = {"uz": "Gʻulom Oʻrinov", "ru": "Гульнора Рахимова", "en": "Ada Lovelace"}


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_the_pdf_is_in_the_attendees_language_with_uzbek_and_cyrillic_letters(
    client, attendee, language
):
    registration = attendee(language, name=NAMES[language])
    # The page's language does not matter: the certificate speaks the registration's.
    response = client.get(certificate_link(registration, "en"))
    assert response.status_code == 200
    certificate = Certificate.objects.get()
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificate-{certificate.code}.pdf"'
    )
    text = pdf_text(response)
    for phrase in [*EXPECTED[language], NAMES[language], certificate.code]:
        assert phrase in text, (language, phrase, text)
    with translation.override(language):
        assert certificate.date_text() in text
    # The verification address, in the attendee's language (its QR code says the same).
    assert f"http://testserver/{language}/certificates/{certificate.code}/" in text


def test_uzbek_dates_are_written_year_first_with_the_suffix_joined(client, attendee):
    text = pdf_text(client.get(certificate_link(attendee("uz"))))
    assert re.search(r"\d{4}-yil \d{1,2}-[a-z]+da oʻtkazgan", text), text


def test_staff_word_the_certificate_in_three_languages(client, attendee):
    CertificateTemplate.objects.create(
        heading_uz="Sertifikat",
        heading_ru="Сертификат",
        body_ru="{name} участвовал(а) в «{event}» ({date}, {length}).\n\nСпасибо! <b>{unknown}</b>",
        signatory_name_uz="N. N. Shavazi",
        signatory_name_ru="Н. Н. Шавази",
        signatory_position_ru="Начальник отдела",
    )
    text = pdf_text(client.get(certificate_link(attendee("ru", name="Ирина Ким"))))
    assert "СЕРТИФИКАТ" in text and "УЧАСТНИКА" not in text
    assert "Ирина Ким участвовал(а) в «Вебинар по болезням лёгких» (" in text
    assert "1 час 30 минут). Спасибо! <b>{unknown}</b>" in text  # typed text stays text
    assert "Н. Н. Шавази" in text and "Начальник отдела" in text
    uzbek = pdf_text(client.get(certificate_link(attendee("uz", email="b@example.org"))))
    # An empty field prints the site's own wording in that language.
    assert "SERTIFIKAT" in uzbek and "Shu bilan tasdiqlanadiki," in uzbek
    assert "N. N. Shavazi" in uzbek and "Xalqaro hamkorlik boʻlimi boshligʻi" in uzbek


def test_the_template_refuses_an_unknown_placeholder(admin_client):
    from django.core.exceptions import ValidationError

    template = CertificateTemplate(body_en="{name} attended {webinar}.")
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert refused.value.message_dict["body_en"] == [
        "Unknown placeholder: {webinar}. Use {name}, {event}, {date} or {length}."
    ]
    # The admin opens the one template, as its list.
    response = admin_client.get(reverse("admin:certificates_certificatetemplate_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:certificates_certificatetemplate_change", args=[CertificateTemplate.SINGLETON_PK]
    )


def test_a_multi_day_event_lasts_days(client, make_event, make_registration):
    event = make_event("school", starts_in=-4 * 24 * HOUR, hours=2 * 24 + 1)
    registration = make_registration(event, "a@example.org", language="ru", attendance="attended")
    assert "(3 дня)" in pdf_text(client.get(certificate_link(registration)))


# Who gets one, and when ---------------------------------------------------------------------


def test_the_certificate_is_issued_once_with_the_same_code(client, attendee):
    registration = attendee()
    client.get(certificate_link(registration))
    code = Certificate.objects.get().code
    assert normalized_code(code) == code and len(code) == 11
    again = pdf_text(client.get(certificate_link(registration)))
    assert Certificate.objects.count() == 1 and code in again


def test_no_certificate_for_someone_not_marked_as_attended(client, attendee):
    for attendance in ("", "absent"):
        registration = attendee(attendance=attendance, email=f"x{attendance}@example.org")
        response = client.get(certificate_link(registration, "ru"))
        assert response.status_code == 403
        assert "Сертификаты участника выдаются тем, кто отмечен присутствовавшим." in (
            response.content.decode()
        )
    waiting = attendee(status=Registration.Status.CANCELLED, email="gone@example.org")
    assert client.get(certificate_link(waiting)).status_code == 403
    assert not Certificate.objects.exists()


def test_no_certificate_before_the_event_is_over(client, make_event, make_registration):
    running = make_event("running", kind="webinar", starts_in=-HOUR, hours=2)
    registration = make_registration(running, "a@example.org", attendance="attended")
    response = client.get(certificate_link(registration, "uz"))
    assert response.status_code == 403
    assert "Sertifikat tadbir tugagach shu yerda tayyor boʻladi." in response.content.decode()
    assert not Certificate.objects.exists()


def test_a_forged_or_misplaced_link_gets_a_clear_404(client, attendee, make_event):
    registration = attendee()
    forged = certificate_link(registration).replace(registration.link_token, "1.forged")
    response = client.get(forged)
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()
    other = make_event("other")
    elsewhere = url("certificates:attendee", slug=other.slug, token=registration.link_token)
    assert client.get(elsewhere).status_code == 404


def test_my_registration_offers_the_certificate_after_the_event(client, attendee):
    registration = attendee("uz")
    with translation.override("uz"):
        page = client.get(registration.get_link_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert f'href="{certificate_link(registration, "uz")}"' in html
    assert "Ishtirokchi sertifikati (PDF)</a>" in html
    absent = attendee(attendance="", email="absent@example.org")
    assert client.get(absent.get_link_url()).status_code == 410


# The verification page ----------------------------------------------------------------------


@pytest.fixture
def issued(client, attendee):
    registration = attendee("uz", affiliation="Samarkand Clinic")
    client.get(certificate_link(registration))
    return Certificate.objects.get()


def test_a_real_code_is_confirmed_genuine_with_what_the_certificate_shows(client, issued):
    response = client.get(verify_link(issued.code, "ru"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Сертификат {issued.code} подлинный" in html
    assert "Gʻulom Oʻrinov" in html and "Вебинар по болезням лёгких" in html
    assert "1 час 30 минут" in html
    with translation.override("ru"):
        assert issued.date_text() in html
    assert '<meta name="robots" content="noindex">' in html
    # Nothing the certificate does not show: no address, no affiliation.
    assert "gulom@example.org" not in html and "Samarkand Clinic" not in html


def test_a_code_typed_in_lower_case_or_without_its_hyphen_finds_it(client, issued):
    typed = issued.code.lower().replace("-", "")
    response = client.get(verify_link(typed, "uz"))
    assert response.status_code == 301
    assert response["Location"] == verify_link(issued.code, "uz")


@pytest.mark.parametrize("code", ["ABCDE-FGHJK", "not-a-code", "x" * 300])
def test_a_forged_code_gets_a_clear_404(client, issued, code):
    response = client.get(verify_link(code, "uz"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Bunday kodli sertifikat yoʻq" in html
    assert "Sertifikat soxta yoki kod xato yozilgan boʻlishi mumkin" in html
    assert '<meta name="robots" content="noindex">' in html
    assert issued.name not in html


def test_the_certificate_verifies_after_its_registration_is_deleted(client, issued):
    Registration.objects.all().delete()
    issued.refresh_from_db()
    assert issued.registration is None
    html = client.get(verify_link(issued.code)).content.decode()
    assert "is genuine" in html and "Gʻulom Oʻrinov" in html
    assert "Webinar on lung diseases" in html


def test_the_certificate_verifies_after_the_personal_data_purge(client, make_event, attendee):
    registration = attendee("en", name="Old Attendee")
    event = registration.event
    client.get(certificate_link(registration))
    Event.objects.filter(pk=event.pk).update(
        starts_at=event.starts_at - datetime.timedelta(days=400),
        ends_at=event.ends_at - datetime.timedelta(days=400),
    )
    call_command("purge_personal_data", days=365, stdout=io.StringIO())
    assert not Registration.objects.exists()
    html = client.get(verify_link(Certificate.objects.get().code)).content.decode()
    assert "Old Attendee" in html and "is genuine" in html


def test_a_revoked_certificate_stops_verifying_at_once(client, issued):
    """The page is cached for visitors; deleting the certificate drops the cached copy."""
    assert client.get(verify_link(issued.code)).status_code == 200
    issued.delete()
    assert client.get(verify_link(issued.code)).status_code == 404


# The recording email ------------------------------------------------------------------------


def test_the_recording_email_links_attendees_to_their_certificate(
    admin_client, client, attendee, past_webinar
):
    past_webinar.recording_url = "https://video.example.org/lungs"
    past_webinar.save()
    present = attendee("ru", name="Ирина Ким")
    absent = attendee("en", name="Away", email="away@example.org", attendance="absent")
    admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "email_recording", helpers.ACTION_CHECKBOX_NAME: [past_webinar.pk]},
    )
    letters = {message.to[0]: message.body for message in mail.outbox}
    body = letters[present.email]
    assert "Спасибо за участие. Ваш сертификат участника (PDF):" in body
    link = f"http://127.0.0.1:8000{certificate_link(present, 'ru')}"
    assert link in body
    assert "certificate" not in letters[absent.email]
    path = link.removeprefix("http://127.0.0.1:8000")
    assert "Ирина Ким" in pdf_text(client.get(path))


# Queries ------------------------------------------------------------------------------------


def test_the_verification_page_runs_a_fixed_number_of_queries(
    client, issued, django_assert_num_queries
):
    client.get(verify_link(issued.code))
    from django.core.cache import cache

    cache.clear()  # the page cache would answer without the database
    with django_assert_num_queries(VERIFY_QUERIES):
        assert client.get(verify_link(issued.code)).status_code == 200
    with django_assert_num_queries(1):  # a forged code: only the footer's department
        assert client.get(verify_link("not-a-code")).status_code == 404


def test_the_pdf_download_runs_a_fixed_number_of_queries(
    client, attendee, django_assert_num_queries
):
    registration = attendee()
    with django_assert_num_queries(FIRST_PDF_QUERIES):  # issued: written once
        client.get(certificate_link(registration))
    with django_assert_num_queries(PDF_QUERIES):
        client.get(certificate_link(registration))


VERIFY_QUERIES = 2
FIRST_PDF_QUERIES = 6
PDF_QUERIES = 3
