"""What the guide's pictures show beyond the seed, made by guide_images.py through
`manage.py shell` on its temporary database: an editor to sign in as, an agreement, and an
upcoming webinar with registrations and a waiting list.
Prints the partner's and the webinar's ids."""

import datetime

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import Event, Registration
from partners.models import Agreement, Partner


def make():
    editor = get_user_model().objects.create_user(
        "guide-editor", password="a long guide editor passphrase", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="International office editors"))

    partner = Partner.objects.order_by("pk").first()
    Agreement.objects.create(
        partner=partner,
        kind=Agreement.Kind.values[0],
        signed_on=datetime.date(2024, 9, 12),
        valid_until=datetime.date(2029, 9, 11),
        status="published",
    )
    # Two versions on the partner's history page, as two saves in the admin leave them.
    for phone in (partner.contact_phone, "+90 216 578 00 00"):
        with reversion.create_revision():
            reversion.set_user(editor)
            partner.contact_phone = phone
            partner.save()

    starts = timezone.localtime().replace(hour=15, minute=0, second=0, microsecond=0)
    webinar = Event.objects.create(
        slug="webinar-academic-mobility",
        kind=Event.Kind.WEBINAR,
        status="published",
        is_online=True,
        starts_at=starts + datetime.timedelta(days=10),
        ends_at=starts + datetime.timedelta(days=10, hours=2),
        title_uz="Akademik mobillik: ariza berish",
        title_ru="Академическая мобильность: как подать заявку",
        title_en="Academic mobility: how to apply",
        summary_uz="Xalqaro hamkorlik boʻlimi vebinari.",
        summary_ru="Вебинар отдела международного сотрудничества.",
        summary_en="A webinar of the Department of International Cooperation.",
        join_url="https://meet.example.org/samdtu-mobility",
        capacity=2,
    )
    people = [
        ("Dilnoza Karimova", "dilnoza@example.org", "UZ", "confirmed"),
        ("Aziz Rahimov", "aziz@example.org", "UZ", "confirmed"),
        ("Anna Petrova", "anna@example.org", "KZ", "waiting"),
    ]
    for name, email, country, status in people:
        Registration.objects.create(
            event=webinar,
            name=name,
            email=email,
            affiliation="SamDTU",
            country=country,
            consent=True,
            language="uz",
            status=status,
        )
    print(partner.pk, webinar.pk)
