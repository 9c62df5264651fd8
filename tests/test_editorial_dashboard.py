"""The admin home page as the editors' dashboard: its numbers against data made here, its links,
its fixed number of queries, and the Uzbek admin."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from partners.models import Agreement, Partner, Program

LANGS = ("uz", "ru", "en")


def cells(html, model_name):
    """{language: (count, link or None)} and the stale count of one model's dashboard row."""
    row = re.search(rf"<th scope=\"row\">{model_name}.*?</tr>", html, re.S).group(0)
    found = {}
    for code, content in re.findall(r'data-language="(\w+)">(.*?)</td>', row, re.S):
        link = re.search(r'href="([^"]+)"', content)
        found[code] = (int(re.sub(r"<[^>]+>", "", content)), link and link.group(1))
    stale = int(re.sub(r"<[^>]+>", "", re.search(r"data-stale>(.*?)</td>", row, re.S).group(1)))
    return found, stale


def cell_text(row, marker):
    """The text of the cell marked `marker`, as a reader sees it (white space collapsed)."""
    content = re.search(rf"{marker}>(.*?)</td>", row, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", content).split())


def listed(admin_client, url):
    response = admin_client.get(url.replace("&amp;", "&"))
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


@pytest.fixture
def content(make_partner, make_program, make_event, make_registration):
    today = timezone.localdate()
    no_ru = make_partner(
        "no-ru",
        name_uz="Rusi yoʻq",
        name_en="No Russian",
        description_uz="<p>Matn</p>",
        description_en="<p>Text</p>",
    )
    make_partner(
        "draft-no-ru",
        name_uz="Qoralama",
        name_en="Draft",
        status=Partner.Status.DRAFT,
        description_uz="<p>Matn</p>",
        description_en="<p>Text</p>",
    )
    scheduled = make_partner(
        "scheduled-no-uz",
        name_ru="Запланирован",
        name_en="Scheduled",
        description_ru="<p>Текст</p>",
        description_en="<p>Text</p>",
        publish_from=timezone.now() + datetime.timedelta(days=3),
    )
    complete = make_partner(
        "complete",
        name_uz="Toʻliq",
        name_ru="Полный",
        name_en="Complete",
        description_uz="<p>Matn</p>",
        description_ru="<p>Текст</p>",
        description_en="<p>Text</p>",
    )
    Agreement.objects.create(
        partner=complete,
        kind=Agreement.Kind.MEMORANDUM,
        signed_on=today - datetime.timedelta(days=700),
        valid_until=today + datetime.timedelta(days=30),
    )
    Agreement.objects.create(
        partner=no_ru,
        kind=Agreement.Kind.COOPERATION,
        signed_on=today - datetime.timedelta(days=900),
        valid_until=today - datetime.timedelta(days=5),
    )
    Agreement.objects.create(  # active for years: in neither list
        partner=scheduled,
        kind=Agreement.Kind.MOBILITY,
        signed_on=today,
        valid_until=today + datetime.timedelta(days=800),
    )
    program = make_program(
        "no-en",
        title_uz="Dastur",
        title_ru="Программа",
        title_en="",
        summary_uz="Q",
        summary_ru="К",
        summary_en="",
    )
    webinar = make_event(
        "webinar",
        kind=Event.Kind.WEBINAR,
        title_uz="Vebinar",
        title_ru="Вебинар",
        title_en="",
        summary_uz="V",
        summary_ru="В",
        summary_en="",
        capacity=2,
    )
    make_registration(webinar, "a@example.com", status=Registration.Status.CONFIRMED)
    make_registration(webinar, "b@example.com", status=Registration.Status.CONFIRMED)
    make_registration(webinar, "c@example.com", status=Registration.Status.WAITING)
    make_event("draft-event", status=Event.Status.DRAFT)
    make_event("past-event", starts_in=-datetime.timedelta(days=30))
    return {
        "no_ru": no_ru,
        "scheduled": scheduled,
        "complete": complete,
        "program": program,
        "webinar": webinar,
    }


def test_dashboard_counts_published_items_missing_each_language(admin_client, content):
    html = admin_client.get(reverse("admin:index")).content.decode()
    partners, stale = cells(html, "Partner institutions")
    assert {code: count for code, (count, _link) in partners.items()} == {"uz": 1, "ru": 1, "en": 0}
    assert stale == 0
    # Each number links to the list filtered the same way, showing exactly those items.
    assert listed(admin_client, partners["ru"][1]) == {content["no_ru"]}
    assert listed(admin_client, partners["uz"][1]) == {content["scheduled"]}
    assert partners["en"][1] is None

    programs, _stale = cells(html, "Programs")
    assert programs["en"][0] == 1
    assert listed(admin_client, programs["en"][1]) == {content["program"]}
    events, _stale = cells(html, "Events")
    # The past event (English only) is published too; the draft is not counted.
    assert {code: count for code, (count, _link) in events.items()} == {"uz": 1, "ru": 1, "en": 1}
    assert listed(admin_client, events["en"][1]) == {content["webinar"]}


def test_dashboard_lists_expiring_and_expired_agreements(admin_client, content):
    html = admin_client.get(reverse("admin:index")).content.decode()
    section = html[html.index('id="editorial-agreements"') :].split("</div>")[0]
    assert "1 agreement expires within 90 days" in section
    assert "1 agreement has expired" in section
    expiring = section[: section.index("editorial-expired-link")]
    assert "Complete" in expiring and "No Russian" not in expiring
    assert "No Russian" in section[section.index("editorial-expired-link") :]
    assert "Scheduled" not in section
    expiring_url = re.search(r'href="([^"]+)" id="editorial-expiring-link"', section).group(1)
    expired_url = re.search(r'href="([^"]+)" id="editorial-expired-link"', section).group(1)
    assert listed(admin_client, expiring_url) == {content["complete"]}
    assert listed(admin_client, expired_url) == {content["no_ru"]}


def test_dashboard_shows_upcoming_published_events_with_registrations(admin_client, content):
    html = admin_client.get(reverse("admin:index")).content.decode()
    section = html[html.index('id="editorial-events"') :].split("</table>")[0]
    assert 'data-event="webinar"' in section
    assert 'data-event="draft-event"' not in section and 'data-event="past-event"' not in section
    row = section[section.index('data-event="webinar"') :].split("</tr>")[0]
    assert cell_text(row, "data-confirmed") == "2 / 2"
    assert cell_text(row, "data-waiting") == "1"
    waiting_url = re.search(r'data-waiting>\s*<a href="([^"]+)"', row).group(1)
    waiting = listed(admin_client, waiting_url)
    assert {r.email for r in waiting} == {"c@example.com"}


def test_dashboard_runs_a_fixed_number_of_queries(
    admin_client, content, make_partner, make_event, django_assert_num_queries
):
    # Session, user, the second factor the session was verified with, the department's "add"
    # permission (2), the recent actions, stale texts (1), missing translations (1 per content
    # model: 10, news, the applicants' guide and documents and the certificate template
    # included), agreements (3), upcoming events (1), the department's email for inquiries (1).
    admin_client.get(reverse("admin:index"))
    with django_assert_num_queries(22):
        admin_client.get(reverse("admin:index"))
    today = timezone.localdate()
    for number in range(5):
        partner = make_partner(f"more-{number}", name_uz="Yana")
        Agreement.objects.create(
            partner=partner,
            kind=Agreement.Kind.MEMORANDUM,
            signed_on=today - datetime.timedelta(days=400),
            valid_until=today + datetime.timedelta(days=number + 1),
        )
        make_event(f"more-{number}", kind=Event.Kind.SEMINAR)
    with django_assert_num_queries(22):
        response = admin_client.get(reverse("admin:index"))
    assert "6 agreements expire within 90 days" in response.content.decode()


def test_dashboard_renders_in_uzbek_and_keeps_the_app_list(admin_client, content):
    admin_client.cookies["django_language"] = "uz"
    response = admin_client.get(reverse("admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="uz"' in html
    assert 'id="editorial-translations"' in html
    assert reverse("admin:partners_partner_changelist") in html
    assert "/static/css/editorial-admin.css" in html
    assert "style=" not in html[html.index("editorial-dashboard") :].split("</section>")[0]


def test_stale_texts_are_counted_on_the_dashboard(admin_client, content):
    from tests.test_editorial import save_partner

    save_partner(admin_client, content["complete"], name_en="Complete and changed")
    html = admin_client.get(reverse("admin:index")).content.decode()
    _partners, stale = cells(html, "Partner institutions")
    assert stale == 2
    assert "2 translated texts may be out of date" in html
    link = re.search(r'data-stale>\s*<a[^>]*href="([^"]+)"', html).group(1)
    assert listed(admin_client, link) == {content["complete"]}


def test_program_without_translations_anywhere_is_not_counted(admin_client, make_program):
    Program.objects.all().delete()
    html = admin_client.get(reverse("admin:index")).content.decode()
    programs, _stale = cells(html, "Programs")
    assert all(count == 0 for count, _link in programs.values())


def test_dashboard_shows_only_what_the_staff_member_may_see(client, content, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("events-only", password=None, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(editor)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("admin:index")).content.decode()
    assert 'id="editorial-events"' in html
    events, _stale = cells(html, "Events")
    assert events["en"][0] == 1
    assert "Partner institutions" not in html
    assert 'id="editorial-agreements"' not in html
    # Without the registrations' permission the counts show, but link nowhere.
    assert "/admin/events/registration/" not in html


def test_the_home_page_says_in_red_when_nobody_hears_of_inquiries(admin_client, settings, db):
    from samsmu_intl.department.models import Department

    settings.INQUIRY_RECIPIENTS = []
    Department.objects.update_or_create(
        pk=Department.SINGLETON_PK, defaults={"title_en": "International", "email": ""}
    )
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert 'class="errornote" id="editorial-no-inquiry-recipient"' in page
    assert reverse("admin:department_department_changelist") in page

    Department.objects.singleton().update(email="international@sammu.uz")
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "editorial-no-inquiry-recipient" not in page

    Department.objects.singleton().update(email="")
    settings.INQUIRY_RECIPIENTS = ["office@sammu.uz"]
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "editorial-no-inquiry-recipient" not in page
