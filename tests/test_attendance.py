"""Who attended an event: the bulk actions on the registrations, the join log of a webinar (a
registrant's own join link), and the attendance list staff print (30 names per A4 page)."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.admin import helpers
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from events.models import Registration

HOUR = datetime.timedelta(hours=1)
JOIN_URL = "https://meet.example.org/samsmu-webinar"


def join_link(registration, language="en"):
    with translation.override(language):
        return registration.get_join_url()


def run_action(client, admin_url, action, selected):
    data = {"action": action, helpers.ACTION_CHECKBOX_NAME: [obj.pk for obj in selected]}
    return client.post(reverse(admin_url), data, follow=True)


def attendance(*registrations):
    return [Registration.objects.get(pk=r.pk).attendance for r in registrations]


@pytest.fixture
def live_webinar(make_event):
    """A webinar under way: its join link is shown."""
    return make_event("live", kind="webinar", starts_in=-HOUR / 2, hours=2, join_url=JOIN_URL)


# The bulk actions ---------------------------------------------------------------------------


def test_staff_mark_the_selected_as_attended_or_not(admin_client, live_webinar, make_registration):
    ada = make_registration(live_webinar, "ada@example.org", name="Ada")
    bob = make_registration(live_webinar, "bob@example.org", name="Bob")
    waiting = make_registration(
        live_webinar, "wait@example.org", status=Registration.Status.WAITING
    )
    page = run_action(
        admin_client, "admin:events_registration_changelist", "mark_attended", [ada, bob, waiting]
    )
    assert "Attendance recorded for 2 people." in page.content.decode()
    # Only those with a place can have attended.
    assert attendance(ada, bob, waiting) == ["attended", "attended", ""]

    page = run_action(
        admin_client, "admin:events_registration_changelist", "mark_not_attended", [bob]
    )
    assert "Attendance recorded for 1 person." in page.content.decode()
    assert attendance(ada, bob) == ["attended", "absent"]
    assert Registration.objects.get(pk=ada.pk).attended
    assert not Registration.objects.get(pk=bob.pk).attended


def test_the_registrations_list_filters_by_attendance(
    admin_client, live_webinar, make_registration
):
    make_registration(live_webinar, "ada@example.org", name="Ada Present", attendance="attended")
    make_registration(live_webinar, "bob@example.org", name="Bob Absent", attendance="absent")
    url = reverse("admin:events_registration_changelist") + "?attendance=attended"
    html = admin_client.get(url).content.decode()
    assert "Ada Present" in html and "Bob Absent" not in html
    # Under the status, in the same column (the list fits a 1280 px window in Russian too).
    assert 'Registered<br><span class="quiet">Attended</span>' in html


# The join log -------------------------------------------------------------------------------


def test_following_the_own_join_link_is_logged_once_and_leads_to_the_webinar(
    client, live_webinar, make_registration
):
    ada = make_registration(live_webinar, "ada@example.org")
    response = client.get(join_link(ada))
    assert response.status_code == 302 and response["Location"] == JOIN_URL
    first = Registration.objects.get(pk=ada.pk).joined_at
    assert first is not None
    assert client.get(join_link(ada, "uz"))["Location"] == JOIN_URL
    assert Registration.objects.get(pk=ada.pk).joined_at == first
    assert "no-store" in response["Cache-Control"]


def test_the_join_log_ticks_attendance_for_a_webinar(
    admin_client, client, live_webinar, make_registration
):
    followed = make_registration(live_webinar, "ada@example.org")
    stayed_away = make_registration(live_webinar, "bob@example.org")
    client.get(join_link(followed))
    page = run_action(
        admin_client, "admin:events_event_changelist", "attendance_from_join_log", [live_webinar]
    )
    assert "1 person who followed the join link marked as attended." in page.content.decode()
    assert attendance(followed, stayed_away) == ["attended", ""]


def test_the_join_link_works_only_while_the_event_page_shows_it(
    client, make_event, make_registration
):
    """A mail scanner opening the reminder's link on delivery records nothing."""
    tomorrow = make_event("tomorrow", kind="webinar", starts_in=20 * HOUR, join_url=JOIN_URL)
    early = make_registration(tomorrow, "ada@example.org")
    response = client.get(join_link(early, "ru"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Ссылка для подключения работает с часа до начала и до окончания мероприятия." in html
    assert Registration.objects.get(pk=early.pk).joined_at is None


def test_the_waiting_list_gets_no_way_in_and_a_forged_link_a_404(
    client, live_webinar, make_registration
):
    waiting = make_registration(
        live_webinar, "wait@example.org", status=Registration.Status.WAITING
    )
    refused = client.get(join_link(waiting))
    assert refused.status_code == 403
    assert "you are on the waiting list" in refused.content.decode()
    assert Registration.objects.get(pk=waiting.pk).joined_at is None
    forged = join_link(waiting).replace(waiting.link_token, f"{waiting.pk}.forged")
    assert client.get(forged).status_code == 404


def test_my_registration_and_the_reminder_carry_the_own_join_link(
    client, live_webinar, make_event, make_registration
):
    ada = make_registration(live_webinar, "ada@example.org", language="uz")
    with translation.override("uz"):
        page = client.get(ada.get_link_url()).content.decode()
    assert f'href="{join_link(ada, "uz")}"' in page

    soon = make_event("soon", kind="webinar", starts_in=20 * HOUR, join_url=JOIN_URL)
    bob = make_registration(soon, "bob@example.org", language="ru")
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [reminder] = mail.outbox
    assert "Ваша личная ссылка для подключения (работает с часа до начала):" in reminder.body
    assert f"http://127.0.0.1:8000{join_link(bob, 'ru')}" in reminder.body


# The attendance list ------------------------------------------------------------------------


def attendance_url(event):
    return reverse("admin:events_event_attendance", args=[event.pk])


@pytest.fixture
def crowded(make_event, make_registration):
    """31 people with a place (a second printed page), one waiting and one who cancelled."""
    event = make_event("crowded", kind="seminar", starts_in=-3 * HOUR, hours=2, capacity=40)
    for number in range(1, 32):
        make_registration(
            event,
            f"p{number}@example.org",
            name=f"Person {number:02d}",
            affiliation=f"Clinic {number}",
            country="KZ",
            attendance="attended" if number % 2 else "",
        )
    make_registration(
        event, "w@example.org", name="Waiting Walter", status=Registration.Status.WAITING
    )
    make_registration(
        event, "c@example.org", name="Cancelled Carla", status=Registration.Status.CANCELLED
    )
    return event


def sheets(html):
    return re.findall(r'<section class="attendance-sheet">(.*?)</section>', html, re.S)


def test_the_attendance_list_prints_30_names_a_page_each_headed_with_the_event(
    admin_client, crowded
):
    response = admin_client.get(attendance_url(crowded))
    assert response.status_code == 200
    html = response.content.decode()
    first, second = sheets(html)
    assert first.count("<tr>") == 1 + 30 and second.count("<tr>") == 1 + 1
    assert "<td>30</td>" in first and "<td>31</td>" in second
    assert "Person 01" in first and "Person 31" in second
    for sheet in (first, second):
        header = re.search(r'<header class="attendance-sheet__header">(.*?)</header>', sheet, re.S)
        assert "<strong>Crowded</strong>" in header.group(1)
        assert "<time" in header.group(1)  # the event's date
    assert "Clinic 7" in first and "Kazakhstan" in first
    assert first.count('<div class="attendance-cell">\n              Attended') == 15
    assert "Waiting Walter" not in html and "Cancelled Carla" not in html
    assert "Attended: 16. Printed: 2 A4 pages." in html
    assert '<link rel="stylesheet" href="/static/css/attendance.css">' in html


def test_the_print_style_gives_every_sheet_its_own_a4_page():
    css = (Path(settings.BASE_DIR) / "static/css/attendance.css").read_text()
    assert re.search(r"@page\s*\{\s*size:\s*A4 portrait;", css)
    printed = css[css.index("@media print") :]
    assert re.search(r"\.attendance-sheet\s*\{\s*break-after:\s*page;", printed)
    assert re.search(r"#header, \.breadcrumbs, #footer", printed)  # the admin is not printed
    assert re.search(r"\.attendance-sheet__header\s*\{\s*display:\s*flex;", printed)
    # 30 rows of 7.5 mm of at most two lines, the table's head and the sheet's header fit the
    # 271 mm of an A4 page between its margins (tests/browser/test_attendance_print.py prints
    # it with Chromium and counts the pages).
    assert "height: 7.5mm" in printed and "margin: 12mm 12mm 14mm" in css
    assert "-webkit-line-clamp: 2" in printed


def test_the_event_list_links_the_count_to_the_attendance_list(admin_client, crowded):
    html = admin_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert f'<a href="{attendance_url(crowded)}" title="Attendance list">31 / 40</a>' in html


def test_the_attendance_list_reads_in_uzbek(admin_client, crowded):
    admin_client.cookies["django_language"] = "uz"
    html = admin_client.get(attendance_url(crowded)).content.decode()
    assert "<h1>Davomat roʻyxati</h1>" in html
    assert "Qatnashdi" in html and "Belgilanmagan" in html and "Qozogʻiston" in html


def test_the_attendance_list_needs_the_right_to_see_registrations(
    client, crowded, django_user_model
):
    from tests.second_factor import sign_in

    staff = django_user_model.objects.create_user("clerk", password="a long pass", is_staff=True)
    staff.user_permissions.add(*_permissions("view_event"))
    sign_in(client, staff)
    assert client.get(attendance_url(crowded)).status_code == 403
    staff.user_permissions.add(*_permissions("view_registration"))
    assert client.get(attendance_url(crowded)).status_code == 200


def _permissions(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="events", codename=codename)


def test_an_unknown_event_s_attendance_list_goes_back_to_the_events(admin_client):
    response = admin_client.get(reverse("admin:events_event_attendance", args=[999_999]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_attendance_list_runs_a_fixed_number_of_queries(
    admin_client, crowded, make_registration, django_assert_num_queries
):
    admin_client.get(attendance_url(crowded))  # content types and the like, cached after
    with django_assert_num_queries(QUERIES):
        admin_client.get(attendance_url(crowded))
    for number in range(40, 70):
        make_registration(crowded, f"more{number}@example.org", name=f"More {number}")
    with django_assert_num_queries(QUERIES):
        response = admin_client.get(attendance_url(crowded))
    assert len(sheets(response.content.decode())) == 3


QUERIES = 6
