"""A registrant's own link ("my registration"), cancelling by it, and the waiting list that moves
by itself when a place frees: a cancellation, staff removing someone, more places."""

import datetime
import io
import re
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.models import Registration
from tests.admin_forms import form_data

HOUR = datetime.timedelta(hours=1)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def link(registration, language="en", name="events:registration"):
    return url(name, language, slug=registration.event.slug, token=registration.link_token)


def cancel_link(registration, language="en"):
    return link(registration, language, "events:cancel-registration")


def linked_path(message):
    """The path of the personal link in an email."""
    return re.search(r"https?://[^/\s]+(/\S+/registration/\S+/)", message.body).group(1)


def vevent(attachment):
    _filename, content, mimetype = attachment
    calendar = Calendar.from_ical(content)
    [item] = calendar.walk("VEVENT")
    return calendar, item, mimetype


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """committed(client.post, path): the request as if its transaction committed. Promotion
    emails leave only then, and a test's own transaction never commits."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def webinar(make_event):
    return make_event("webinar", kind="webinar", starts_in=48 * HOUR, capacity=2)


@pytest.fixture
def full_webinar(webinar, make_registration):
    """Two places taken, two people waiting (the earlier one registered first)."""
    taken = [make_registration(webinar, f"taken{n}@example.org") for n in (1, 2)]
    waiting = [
        make_registration(webinar, "first@example.org", name="First", language="ru"),
        make_registration(webinar, "second@example.org", name="Second", language="uz"),
    ]
    for registration in waiting:
        registration.status = Registration.Status.WAITING
        registration.save()
    return webinar, taken, waiting


def statuses():
    return dict(Registration.objects.values_list("email", "status"))


# The link -----------------------------------------------------------------------------------


def test_confirmation_email_links_to_the_registration_page(client, webinar):
    client.post(
        url("events:register", "ru", slug=webinar.slug),
        {
            "name": "Dilnoza Karimova",
            "email": "dilnoza@example.org",
            "affiliation": "TMA",
            "country": "UZ",
            "consent": "on",
        },
    )
    [message] = mail.outbox
    path = linked_path(message)
    assert path.startswith("/ru/events/webinar/registration/")
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ваша регистрация</h1>" in html
    assert "Dilnoza Karimova" in html and "dilnoza@example.org" in html
    assert url("events:ics", "ru", slug="webinar") in html
    assert path + "cancel/" in html
    assert '<meta name="robots" content="noindex">' in html
    # One person's details: kept by no cache, neither ours nor nginx's.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_cancelling_asks_once_then_frees_the_place_and_emails_a_calendar_cancel(
    client, webinar, make_registration
):
    client.post(
        url("events:register", "uz", slug=webinar.slug),
        {"name": "Ali", "email": "ali@example.org", "affiliation": "X", "country": "UZ"}
        | {"consent": "on"},
    )
    [confirmation] = mail.outbox
    registration = Registration.objects.get()
    question = client.get(cancel_link(registration, "uz"))
    assert question.status_code == 200
    assert "no-store" in question["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in question.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED  # asking changes nothing

    done = client.post(cancel_link(registration, "uz"))
    assert done.status_code == 200
    assert "Roʻyxatdan oʻtishingiz bekor qilindi." in done.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED  # kept, for staff to see
    assert registration.cancelled_at is not None
    assert webinar.registrations.confirmed().count() == 0

    [_confirmation, cancellation] = mail.outbox
    assert cancellation.to == ["ali@example.org"]
    assert cancellation.subject.startswith("Roʻyxatdan oʻtish bekor qilindi")
    _calendar, published, _mimetype = vevent(confirmation.attachments[0])
    calendar, cancelled, mimetype = vevent(cancellation.attachments[0])
    assert "method=CANCEL" in mimetype
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["UID"]) == str(published["UID"])
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) > int(published.get("SEQUENCE", 0))
    assert str(cancelled["ATTENDEE"]) == "mailto:ali@example.org"


def test_cancelling_needs_the_csrf_token(webinar, make_registration):
    registration = make_registration(webinar, "a@example.org")
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(cancel_link(registration)).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_cancelled_link_says_so_with_a_410(client, webinar, make_registration):
    registration = make_registration(webinar, "a@example.org")
    client.post(cancel_link(registration))
    for page in (link(registration, "ru"), cancel_link(registration, "ru")):
        response = client.get(page)
        assert response.status_code == 410
        assert "Эта регистрация отменена." in response.content.decode()
    assert client.post(cancel_link(registration)).status_code == 410
    assert len(mail.outbox) == 1  # one cancellation email, not two


@pytest.mark.parametrize(
    "forge",
    [
        lambda token, other: token[:-1] + ("A" if token[-1] != "A" else "B"),  # a character
        lambda token, other: other.split(".")[0] + "." + token.split(".", 1)[1],  # another's
        lambda token, other: token.split(".")[0],  # no signature
        lambda token, other: "9" * 18 + "." + token.split(".", 1)[1],  # the largest looked up
        lambda token, other: "9" * 20 + "." + token.split(".", 1)[1],  # past any row's number
        lambda token, other: "%C3%A9.x",
        lambda token, other: "١٢.x",  # digits, but not ASCII ones
    ],
    ids=["changed", "other-number", "unsigned", "large", "huge", "percent", "arabic-digits"],
)
def test_a_forged_link_answers_a_clear_404_in_the_visitors_language(
    client, webinar, make_registration, forge
):
    mine = make_registration(webinar, "mine@example.org", name="Mine")
    other = make_registration(webinar, "other@example.org", name="Somebody Else")
    path = url(
        "events:registration", "uz", slug="webinar", token=forge(mine.link_token, other.link_token)
    )
    for page in (path, path + "cancel/"):
        response = client.get(page)
        html = response.content.decode()
        assert response.status_code == 404
        assert "Bu havola yaroqsiz." in html
        assert "Somebody Else" not in html and "other@example.org" not in html
    assert client.post(path + "cancel/").status_code == 404
    assert set(statuses().values()) == {"confirmed"}


def test_a_link_stops_working_when_the_address_changes_or_for_another_event(
    client, webinar, make_event, make_registration
):
    registration = make_registration(webinar, "typo@exmaple.org")
    old = link(registration)
    other_event = make_event("other", kind="webinar", starts_in=48 * HOUR)
    elsewhere = url("events:registration", slug=other_event.slug, token=registration.link_token)
    assert client.get(elsewhere).status_code == 404
    registration.email = "right@example.org"  # staff correct the address
    registration.save()
    assert client.get(old).status_code == 404
    assert client.get(link(registration)).status_code == 200


def test_after_the_start_the_link_shows_details_but_cancels_nothing(
    client, make_event, make_registration
):
    started = make_event("started", kind="webinar", starts_in=-HOUR, hours=3)
    registration = make_registration(started, "a@example.org", name="Early Bird")
    page = client.get(link(registration))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Early Bird" in html
    assert "The event has started: the registration can no longer be cancelled." in html
    assert cancel_link(registration) not in html
    assert client.get(cancel_link(registration)).status_code == 410
    assert client.post(cancel_link(registration)).status_code == 410
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_after_the_end_the_link_has_expired(client, make_event, make_registration):
    past = make_event("past", kind="webinar", starts_in=-5 * HOUR, hours=2)
    registration = make_registration(past, "a@example.org", name="Late")
    response = client.get(link(registration, "ru"))
    assert response.status_code == 410
    assert "Срок действия ссылки истёк: мероприятие завершилось." in response.content.decode()
    assert "Late" not in response.content.decode()


def test_someone_who_cancelled_can_register_again_at_the_end_of_the_queue(client, full_webinar):
    webinar, [taken, _other], waiting = full_webinar
    client.post(cancel_link(taken))
    response = client.post(
        url("events:register", slug=webinar.slug),
        {"name": "Back", "email": taken.email, "affiliation": "X", "country": "UZ"}
        | {"consent": "on"},
    )
    assert response.status_code == 302
    taken.refresh_from_db()
    assert taken.status == Registration.Status.WAITING
    assert taken.name == "Back"
    assert list(webinar.registrations.waiting()) == [waiting[1], taken]


# The waiting list moves -----------------------------------------------------------------------


def test_a_cancellation_gives_the_place_to_the_first_waiting_at_once(
    client, full_webinar, committed
):
    _webinar, [taken, _other], [first, _second] = full_webinar
    committed(client.post, cancel_link(taken))
    assert statuses() == {
        "taken1@example.org": "cancelled",
        "taken2@example.org": "confirmed",
        "first@example.org": "confirmed",
        "second@example.org": "waiting",
    }
    [cancellation, promoted] = mail.outbox
    assert cancellation.to == ["taken1@example.org"]
    assert promoted.to == ["first@example.org"]
    assert promoted.subject == "Для вас освободилось место: Webinar"  # their language
    _calendar, item, mimetype = vevent(promoted.attachments[0])
    assert "method=PUBLISH" in mimetype and str(item["SUMMARY"]) == "Webinar"
    # Their own link, which cancels their place in turn.
    path = linked_path(promoted)
    assert path == link(first, "ru")
    client.post(path + "cancel/")
    assert statuses()["second@example.org"] == "confirmed"


def test_two_places_freed_at_once_go_to_the_next_two(
    admin_client, full_webinar, make_registration, committed
):
    webinar, taken, _waiting = full_webinar
    third = make_registration(webinar, "third@example.org", status="waiting")
    response = committed(
        admin_client.post,
        reverse("admin:events_registration_changelist"),
        {"action": "delete_selected", "_selected_action": [r.pk for r in taken], "post": "yes"},
        follow=True,
    )
    assert "2 people moved from the waiting list and emailed." in response.content.decode()
    assert statuses() == {
        "first@example.org": "confirmed",
        "second@example.org": "confirmed",
        "third@example.org": "waiting",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.org", "second@example.org"]
    assert third.email not in {m.to[0] for m in mail.outbox}


def test_staff_removing_someone_in_the_admin_frees_their_place(
    admin_client, full_webinar, committed
):
    _webinar, [taken, _other], _waiting = full_webinar
    change = reverse("admin:events_registration_change", args=[taken.pk])
    data = form_data(admin_client.get(change))
    data["status"] = ["cancelled"]
    assert committed(admin_client.post, change, data).status_code == 302
    taken.refresh_from_db()
    assert taken.cancelled_at is not None
    assert statuses()["first@example.org"] == "confirmed"
    assert [m.to for m in mail.outbox] == [["first@example.org"]]


def test_more_places_go_to_the_waiting_list(admin_client, full_webinar, committed):
    webinar, _taken, _waiting = full_webinar
    change = reverse("admin:events_event_change", args=[webinar.pk])
    data = form_data(admin_client.get(change))
    data.update(capacity=["3"], title_uz=["Vebinar"], summary_uz=["Vebinar."])
    response = committed(admin_client.post, change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert statuses()["first@example.org"] == "confirmed"
    assert statuses()["second@example.org"] == "waiting"
    assert [m.to for m in mail.outbox] == [["first@example.org"]]


def test_near_the_start_the_waiting_list_stops_and_is_told_once(
    client, make_event, make_registration
):
    soon = make_event("soon", kind="webinar", starts_in=10 * HOUR, capacity=1, title_ru="Скоро")
    taken = make_registration(soon, "taken@example.org")
    make_registration(soon, "wait@example.org", language="ru", status="waiting")
    # A later event, whose waiting list still moves, is left alone.
    later = make_event("later", kind="webinar", starts_in=48 * HOUR, capacity=1)
    make_registration(later, "taken-later@example.org")
    make_registration(later, "wait-later@example.org", status="waiting")

    client.post(cancel_link(taken))
    assert statuses()["wait@example.org"] == "waiting"  # 10 hours before: nobody moves
    assert [m.to for m in mail.outbox] == [["taken@example.org"]]

    out = io.StringIO()
    call_command("close_waiting_lists", dry_run=True, stdout=out)
    assert "Would tell wait@example.org" in out.getvalue()
    assert len(mail.outbox) == 1
    call_command("send_event_reminders", stdout=out)  # the hourly timer runs it
    call_command("close_waiting_lists", stdout=out)
    told = [m for m in mail.outbox if m.to == ["wait@example.org"]]
    assert [m.subject for m in told] == ["Свободных мест не появилось: Скоро"]
    assert "Told no place came free: 1; failed: 0." in out.getvalue()
    assert "Told no place came free: 0; failed: 0." in out.getvalue()
    assert not [m for m in mail.outbox if m.to == ["wait-later@example.org"]]


def test_staff_set_how_long_the_waiting_list_moves(client, make_event, make_registration):
    event = make_event("soon", kind="webinar", starts_in=10 * HOUR, capacity=1)
    event.waiting_list_hours = 2
    event.save()
    taken = make_registration(event, "taken@example.org")
    make_registration(event, "wait@example.org", status="waiting")
    client.post(cancel_link(taken))
    assert statuses()["wait@example.org"] == "confirmed"


# The event page -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "full", "waiting", "button"),
    [
        (
            "uz",
            "Oʻrinlar tugadi: kutish roʻyxatiga yozilishingiz mumkin.",
            "Kutish roʻyxatida: 3 kishi.",
            "Kutish roʻyxatiga yozilish",
        ),
        (
            "ru",
            "Мест нет: можно записаться в лист ожидания.",
            "В листе ожидания: 3 человека.",
            "Записаться в лист ожидания",
        ),
        (
            "en",
            "Full: you can join the waiting list.",
            "On the waiting list: 3 people.",
            "Join the waiting list",
        ),
    ],
)
def test_event_page_says_it_is_full_and_how_many_wait(
    client, webinar, make_registration, language, full, waiting, button
):
    page = client.get(url("events:detail", language, slug=webinar.slug)).content.decode()
    assert full not in page
    for number in range(5):
        make_registration(
            webinar, f"{number}@example.org", status="confirmed" if number < 2 else "waiting"
        )
    page = client.get(url("events:detail", language, slug=webinar.slug)).content.decode()
    assert full in page and waiting in page and button in page


def test_event_page_counts_places_left(client, webinar, make_registration):
    make_registration(webinar, "a@example.org")
    page = client.get(url("events:detail", slug=webinar.slug)).content.decode()
    assert "1 place left." in page
    assert "waiting list" not in page


def test_a_registration_refreshes_the_cached_event_page(client, webinar, make_registration):
    event_page = url("events:detail", slug=webinar.slug)
    assert "Full:" not in client.get(event_page).content.decode()  # now cached
    for email in ("a@example.org", "b@example.org"):
        make_registration(webinar, email)
    assert "Full: you can join the waiting list." in client.get(event_page).content.decode()


# A race -----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's; SQLite serialises writes"
)
@pytest.mark.parametrize("attempt", range(3))
def test_two_cancellations_and_a_registration_racing_never_exceed_the_places(
    make_event, make_registration, attempt
):
    event = make_event("race", kind="webinar", starts_in=48 * HOUR, capacity=2)
    taken = [make_registration(event, f"taken{n}@example.org") for n in (1, 2)]
    for n in (1, 2):
        make_registration(event, f"wait{n}@example.org", status="waiting")
    barrier = threading.Barrier(3)
    errors = []

    def run(action):
        barrier.wait()
        try:
            action()
        except Exception as error:  # reported below, with the thread's own connection closed
            errors.append(error)
        finally:
            connection.close()

    actions = [
        lambda: Client().post(cancel_link(taken[0])),
        lambda: Client().post(cancel_link(taken[1])),
        lambda: event.register(
            email="new@example.org", language="en", name="N", affiliation="X", country="UZ"
        ),
    ]
    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert event.registrations.confirmed().count() == 2
    assert statuses() == {
        "taken1@example.org": "cancelled",
        "taken2@example.org": "cancelled",
        "wait1@example.org": "confirmed",
        "wait2@example.org": "confirmed",
        "new@example.org": "waiting",
    }
    promoted = sorted(m.to[0] for m in mail.outbox if m.subject.startswith("A place is free"))
    assert promoted == ["wait1@example.org", "wait2@example.org"]
