import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from partners.models import Agreement, Partner
from partners.regions import Region
from partners.worldmap import place, shapes


def get(client, name, language="en", **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None))


def test_detail_shows_what_a_visitor_needs(client, make_partner, make_program):
    today = timezone.localdate()
    partner = make_partner(
        "yeditepe",
        country="TR",
        city_en="Istanbul",
        name_en="Yeditepe University",
        website="https://yeditepe.edu.tr",
        description_en="<p>A <strong>private</strong> university.</p>",
        forms=["staff-mobility"],
    )
    published = Agreement.Status.PUBLISHED
    Agreement.objects.create(
        partner=partner,
        kind="memorandum",
        signed_on=datetime.date(2024, 9, 1),
        valid_until=None,
        status=published,
    )
    Agreement.objects.create(
        partner=partner,
        kind="mobility",
        signed_on=datetime.date(2020, 1, 1),
        valid_until=today - datetime.timedelta(days=1),
        status=published,
    )
    # Not yet public: one still a draft, one scheduled for next week.
    Agreement.objects.create(partner=partner, kind="double-diploma", signed_on=today)
    Agreement.objects.create(
        partner=partner,
        kind="cooperation",
        signed_on=today,
        status=published,
        publish_from=timezone.now() + datetime.timedelta(days=7),
    )
    make_program("summer-school", partners=[partner], title_en="Summer School in Surgery")
    make_program("draft-program", partners=[partner], status="draft", title_en="Secret Program")

    html = get(client, "partners:detail", slug="yeditepe").content.decode()

    assert "<h1>Yeditepe University</h1>" in html
    assert "Istanbul" in html and "Türkiye" in html
    assert '<a href="https://yeditepe.edu.tr" rel="noopener">' in html
    assert "<p>A <strong>private</strong> university.</p>" in html
    assert "Staff mobility" in html
    assert "Memorandum of understanding" in html and "open-ended" in html
    assert "Erasmus+ or other mobility agreement" not in html  # expired
    assert "Double-diploma agreement" not in html  # draft
    assert "Cooperation agreement" not in html  # scheduled
    assert "Summer School in Surgery" in html
    assert "Secret Program" not in html
    assert 'href="/en/partners/?country=TR"' in html


def test_description_is_sanitised_whatever_its_source(make_partner):
    partner = make_partner(
        "x",
        description_en='<p onclick="steal()">Hi<script>alert(1)</script>'
        '<a href="javascript:alert(1)">link</a><img src=x onerror=alert(1)></p>',
    )
    partner.refresh_from_db()
    assert "script" not in partner.description_en
    assert "onclick" not in partner.description_en
    assert "javascript:" not in partner.description_en
    assert "onerror" not in partner.description_en
    assert "Hi" in partner.description_en


def test_draft_partner_is_not_found(client, make_partner):
    make_partner("hidden", status=Partner.Status.DRAFT)
    assert get(client, "partners:detail", slug="hidden").status_code == 404
    assert get(client, "partners:detail", slug="no-such-partner").status_code == 404


def test_missing_english_name_falls_back_marked(client, make_partner):
    make_partner("tashkent", country="UZ", name_en="", name_ru="Ташкентская академия", name_uz="")
    html = get(client, "partners:detail", slug="tashkent").content.decode()
    assert '<h1 lang="ru">Ташкентская академия</h1>' in html


def test_region_comes_from_the_country_unless_overridden(make_partner):
    assert make_partner("a", country="TR").region == Region.EUROPE
    assert make_partner("b", country="KZ").region == Region.CIS
    assert make_partner("c", country="US").region == Region.NORTH_AMERICA
    overridden = make_partner("d", country="TR", region_override=Region.MIDDLE_EAST)
    assert overridden.region == Region.MIDDLE_EAST
    overridden.region_override = ""
    overridden.country = "EG"
    overridden.save()
    assert overridden.region == Region.AFRICA


@pytest.mark.parametrize(
    ("ends_in_days", "validity"),
    [
        (None, Agreement.Validity.ACTIVE),
        (91, Agreement.Validity.ACTIVE),
        (90, Agreement.Validity.EXPIRING),
        (0, Agreement.Validity.EXPIRING),
        (-1, Agreement.Validity.EXPIRED),
    ],
)
def test_every_reader_of_an_agreements_dates_agrees(
    client, admin_client, make_partner, ends_in_days, validity
):
    """The status an agreement shows in the admin, the queryset methods (partner page, admin
    filter, dashboard, digest) and the partner list's summary column say the same at each
    boundary: open-ended, a day past the warning, its last day, ending today, ended yesterday."""
    today = timezone.localdate()
    valid_until = None if ends_in_days is None else today + datetime.timedelta(ends_in_days)
    partner = make_partner("dated", name_en="Dated Partner")
    agreement = Agreement.objects.create(
        partner=partner,
        kind=Agreement.Kind.DOUBLE_DIPLOMA,
        signed_on=today - datetime.timedelta(days=400),
        valid_until=valid_until,
        status=Agreement.Status.PUBLISHED,
    )
    in_force = validity != Agreement.Validity.EXPIRED
    assert agreement.validity == validity
    assert agreement.is_active is in_force
    only_it = Agreement.objects.filter(pk=agreement.pk)
    assert only_it.active().exists() is in_force
    assert only_it.expiring().exists() is (validity == Agreement.Validity.EXPIRING)
    assert only_it.expired().exists() is (validity == Agreement.Validity.EXPIRED)

    summary = Partner.objects.with_agreement_summary().get(pk=partner.pk)
    assert summary.active_agreement_count == int(in_force)
    assert summary.nearest_expiry == (valid_until if in_force else None)

    page = get(client, "partners:detail", slug=partner.slug).content.decode()
    assert ("Double-diploma agreement" in page) is in_force
    changelist = reverse("admin:partners_partner_changelist")
    listed = {
        status: "Dated Partner" in admin_client.get(changelist, {"agreements": status}).text
        for status in ("active", "expiring", "expired")
    }
    assert listed == {
        "active": in_force,
        "expiring": validity == Agreement.Validity.EXPIRING,
        "expired": not in_force,
    }


def test_map_counts_and_links(client, make_partner):
    make_partner("a", country="TR")
    make_partner("b", country="TR")
    make_partner("c", country="AZ")
    make_partner("d", country="AZ", status=Partner.Status.DRAFT)
    html = get(client, "partners:map").content.decode()
    assert "3 partner institutions in 2 countries." in html
    assert re.search(
        r'<a href="/en/partners/\?country=TR">Türkiye</a></th>\s*<td class="number">2<', html
    )
    assert re.search(
        r'<a href="/en/partners/\?country=AZ">Azerbaijan</a></th>\s*<td class="number">1<', html
    )
    # Shapes: TR and AZ are links with a title; countries without partners are plain paths.
    assert '<a href="/en/partners/?country=TR"><path fill="#4a8bc6"' in html
    assert "<title>Türkiye: 2</title>" in html
    assert '<a href="/en/partners/?country=DE">' not in html
    assert html.count("<path") > 150
    assert '<th scope="row">Europe</th><td class="number">2</td>' in html


def test_counts_by_place_are_what_the_map_the_directory_and_the_home_page_show(
    client, make_partner, make_event
):
    """Partners and events count by country and region one way (samsmu_intl.content.counts);
    the map's tables, the directory's facets and the home page's figures show those counts."""
    make_partner("ankara", country="TR")
    make_partner("istanbul", country="TR", region_override=Region.MIDDLE_EAST)
    make_partner("baku", country="AZ")
    make_partner("draft", country="DE", status=Partner.Status.DRAFT)
    make_event("to-ankara", kind=Event.Kind.STAFF_MOBILITY, country="TR")
    make_event("from-baku", kind=Event.Kind.DELEGATION, country="AZ")
    make_event("to-berlin", kind=Event.Kind.STAFF_MOBILITY, country="DE")
    make_event("berlin-congress", kind=Event.Kind.CONFERENCE, country="DE")
    make_event("online-visit", kind=Event.Kind.STAFF_MOBILITY, is_online=True)

    partners = Partner.objects.published()
    mobility = Event.objects.published().mobility()
    by_country, by_region = partners.counts_by_country(), partners.counts_by_region()
    assert by_country == {"TR": 2, "AZ": 1}
    assert by_region == {"europe": 1, "middle-east": 1, "cis": 1}
    assert mobility.counts_by_country() == {"TR": 1, "AZ": 1, "DE": 1}
    assert mobility.counts_by_region() == {"europe": 2, "cis": 1}  # its country's region

    html = get(client, "partners:map").content.decode()
    country_rows = re.findall(
        r'<tr>\s*<th scope="row">(?:<a href="[^"]*\?country=(\w\w)">)?[^<]*(?:</a>)?</th>\s*'
        r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>\s*</tr>',
        html,
    )
    mobility_by_country = mobility.counts_by_country()
    assert {code: (int(n), int(m)) for code, n, m in country_rows if code} == {
        code: (n, mobility_by_country.get(code, 0)) for code, n in by_country.items()
    }
    assert [(n, m) for code, n, m in country_rows if not code] == [("0", "1")]  # Germany
    region_rows = re.findall(
        r'<tr>\s*<th scope="row">([^<]+)</th>\s*<td class="number">(\d+)</td>\s*</tr>', html
    )
    with translation.override("en"):
        assert dict(region_rows) == {str(Region(r).label): str(n) for r, n in by_region.items()}
    assert f"{sum(by_country.values())} partner institutions in {len(by_country)} countries" in html

    directory = get(client, "partners:list").content.decode()
    for name, counts in (("region", by_region), ("country", by_country)):
        select = re.search(rf'<select id="filter-{name}".*?</select>', directory, re.S)[0]
        options = re.findall(r'<option value="([^"]+)">[^<]*\((\d+)\)</option>', select)
        assert {value: int(n) for value, n in options} == counts

    landing = get(client, "department:landing").content.decode()
    assert f"<strong>{sum(by_country.values())}</strong> partner institutions" in landing
    assert f"<strong>{len(by_country)}</strong> countries" in landing
    assert f"<strong>{len(by_region)}</strong> regions of the world" in landing


def test_map_speaks_the_page_language(client, make_partner):
    make_partner("a", country="TR")
    assert "<title>Turkiya: 1</title>" in get(client, "partners:map", "uz").content.decode()
    assert "<title>Турция: 1</title>" in get(client, "partners:map", "ru").content.decode()


def test_map_image_for_the_home_page(client, make_partner):
    make_partner("a", country="UZ")
    response = get(client, "partners:map-svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<a " not in svg


def test_landing_page_shows_live_figures(client, seeded, make_partner):
    make_partner("berlin", country="DE")
    html = get(client, "department:landing").content.decode()
    assert "<strong>3</strong> partner institutions" in html
    assert "<strong>3</strong> countries" in html
    assert "<strong>2</strong> regions of the world" in html
    assert 'src="/en/partners/map.svg"' in html


def test_partner_pages_query_counts_are_fixed(client, db, django_assert_num_queries):
    call_command("make_sample_data", partners=2000, programs=20, verbosity=0)
    partner = Partner.objects.filter(agreements__isnull=False).first()
    # The partner, its cooperation forms, agreements, programs, events, news; the department.
    with django_assert_num_queries(7):
        assert get(client, "partners:detail", slug=partner.slug).status_code == 200
    # Partners by country and by region, mobility events by country; the department.
    with django_assert_num_queries(4):
        get(client, "partners:map")
    # The department (heading and footer), sections, figures, upcoming events, mobility news,
    # the latest news articles.
    with django_assert_num_queries(6):
        get(client, "department:landing")


def test_saving_in_another_language_does_not_copy_a_text_into_it(make_partner):
    """Sanitising the rich text on save must not write the fallback text into the page
    language's column (it would pass English off as Uzbek, and hide the missing translation)."""
    with translation.override("uz"):
        partner = make_partner("only-english", description_en="<p>Only in English.</p>")
        partner.save()
    partner.refresh_from_db()
    assert partner.description_en == "<p>Only in English.</p>"
    assert not partner.description_uz and not partner.description_ru


SVG = "{http://www.w3.org/2000/svg}"


def outline_rings(path):
    """The rings of an SVG path of straight lines (M, L, H, V, Z, absolute or relative), as
    build_world_map.py writes them."""
    rings, ring, x, y, command = [], [], 0.0, 0.0, None
    for token in re.findall(r"[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)", path):
        if token in "MmLlHhVvZz":
            command = token
            if command in "Zz":
                rings.append(ring)
                ring = []
            numbers = []
            continue
        numbers.append(float(token))
        arity = 1 if command in "HhVv" else 2
        if len(numbers) < arity:
            continue
        relative = command.islower()
        if command in "Hh":
            x = x * relative + numbers[0]
        elif command in "Vv":
            y = y * relative + numbers[0]
        else:
            x, y = x * relative + numbers[0], y * relative + numbers[1]
            if command in "Mm":
                if ring:  # a new ring starts where the last one was closed
                    rings.append(ring)
                ring = []
                command = "l" if relative else "L"
        ring.append((x, y))
        numbers = []
    return rings


def inside(point, rings):
    px, py = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


@pytest.mark.parametrize(("language", "label"), [("uz", "Samarqand"), ("ru", "Самарканд")])
def test_map_marks_samarkand_inside_uzbekistan_with_a_label(client, db, language, label):
    import xml.etree.ElementTree as ET

    svg = ET.fromstring(get(client, "partners:map-svg", language).content)
    [home] = svg.findall(f"{SVG}g[@class='world-map__home']")
    circle = home.find(f"{SVG}circle")
    point = (float(circle.get("cx")), float(circle.get("cy")))
    assert home.find(f"{SVG}title").text.startswith(f"{label}: ")
    assert [text.text for text in home.findall(f".//{SVG}text")] == [label, label]
    uzbekistan = shapes()[1]["UZ"]
    assert uzbekistan in [path.get("d") for path in svg.findall(f"{SVG}path")]
    assert inside(point, outline_rings(uzbekistan))
    # The projection itself: Tashkent in Uzbekistan, Dushanbe (250 km from Samarkand) not.
    for city, latitude, longitude, in_uzbekistan in [
        ("Tashkent", 41.31, 69.28, True),
        ("Dushanbe", 38.56, 68.77, False),
    ]:
        spot = place(city, "", latitude, longitude)
        assert inside((spot.x, spot.y), outline_rings(uzbekistan)) is in_uzbekistan, city


def test_map_page_says_what_the_marker_is(client, db):
    html = get(client, "partners:map").content.decode()
    assert '<g class="world-map__home">' in html
    assert "<title>Samarkand: Samarkand State Medical University</title>" in html
    assert "The red dot marks Samarkand" in html
