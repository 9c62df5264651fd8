"""Bad input at volume: random paths, query strings, form bodies and headers against every
public URL pattern, in each language. No answer may be a server error."""

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REQUESTS_PER_RUN = 5000

ROUTES = [
    "",
    "team/",
    "contact/",
    "partners/",
    "partners/map/",
    "partners/map.svg",
    "partners/{slug}/",
    "programs/",
    "programs/{slug}/",
    "events/",
    "events/calendar.ics",
    "events/feed/",
    "events/{slug}/",
    "events/{slug}/register/",
    "events/{slug}/event.ics",
]
FORM_ROUTES = ["contact/", "events/{slug}/register/"]
SLUGS = ["yeditepe-university", "forum-yeditepe-university-2024", "webinar", "summer-school"]
PARAMETERS = ["page", "q", "region", "country", "kind", "cooperation", "year", "level", "type"]
FIELDS = ["name", "email", "affiliation", "country", "consent", "topic", "message", "website"]

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
) | st.sampled_from(["", "0", "-1", "99999", "abc", "%", "\x00", "😀" * 50, "a" * 1200, "../.."])
slugs = st.sampled_from(SLUGS) | st.text(alphabet=string.ascii_letters + "-_%.", max_size=60)
prefixes = st.sampled_from(["uz", "ru", "en", "de", "", "UZ", "xx-yy"])


@st.composite
def requests(draw):
    form = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    route = draw(st.sampled_from(FORM_ROUTES if form else ROUTES))
    path = "/" + "/".join(part for part in (draw(prefixes), route.format(slug=draw(slugs))) if part)
    if draw(st.integers(0, 9)) == 0:
        path += draw(st.text(alphabet=string.printable.strip(), max_size=40))
    query = draw(
        st.dictionaries(st.sampled_from(PARAMETERS) | st.text(max_size=10), text, max_size=4)
    )
    body = draw(st.dictionaries(st.sampled_from(FIELDS), text, max_size=8)) if form else None
    headers = {
        "accept-language": draw(st.sampled_from(["ru", "uz,en;q=0.5", "*", "", "zz"]) | text),
        "cookie": draw(st.sampled_from(["", "django_language=ru", "django_language=\x7f"]) | text),
    }
    return path, query, body, headers


@pytest.fixture
def world(seeded, make_event, make_program):
    from django.utils import timezone

    from partners.models import Partner

    make_event("webinar", kind="webinar", starts_in=timezone.timedelta(days=3), capacity=2)
    make_program("summer-school", partners=Partner.objects.all())


@settings(
    max_examples=REQUESTS_PER_RUN,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(request=requests())
def test_no_request_gets_a_server_error(client, world, request):
    path, query, body, headers = request
    headers = {name: value for name, value in headers.items() if value.isprintable()}
    try:
        if body is None:
            response = client.get(path, query, headers=headers)
        else:
            response = client.post(path + "?" + "&".join(query), body, headers=headers)
    except UnicodeEncodeError:
        return  # the test client itself cannot send this; a real server never sees it
    assert response.status_code < 500, (path, query, body, headers)
