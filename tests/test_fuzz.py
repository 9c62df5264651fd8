"""Bad input at volume: random paths, query strings, form bodies and headers against every
public URL of tests/public_pages.py, in each language. No answer may be a server error."""

import os
import random
import string

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.public_pages import FORM_PAGES, PUBLIC_URLS

# A few hundred requests while working, 5,000 in CI (.ci/run). A failing run prints its seed;
# the same seed and number of requests send the same requests again.
REQUESTS_PER_RUN = int(os.environ.get("FUZZ_REQUESTS") or 300)
SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
AGAIN = f"FUZZ_SEED={SEED} FUZZ_REQUESTS={REQUESTS_PER_RUN} sends these requests again"

SLUGS = sorted({url.slug for url in PUBLIC_URLS if url.slug})
TOKENS = sorted({url.token for url in PUBLIC_URLS if url.token})
PARAMETERS = ["page", "q", "region", "country", "kind", "cooperation", "year", "level", "type"]
FIELDS = ["name", "email", "affiliation", "country", "consent", "topic", "message", "website"]

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80
) | st.sampled_from(["", "0", "-1", "99999", "abc", "%", "\x00", "😀" * 50, "a" * 1200, "../.."])
slugs = st.sampled_from(SLUGS) | st.text(alphabet=string.ascii_letters + "-_%.", max_size=60)
# A personal link's token: the real one, one with a character changed, or made up.
tokens = (
    st.sampled_from(TOKENS)
    | st.builds(
        lambda token, at, char: token[:at] + char + token[at + 1 :],
        st.sampled_from(TOKENS),
        st.integers(0, 60),
        st.sampled_from("0aA-_.:"),
    )
    | st.text(alphabet=string.ascii_letters + string.digits + "-_.:%", max_size=80)
)
prefixes = st.sampled_from(["uz", "ru", "en", "de", "", "UZ", "xx-yy"])


def route(url):
    """The URL's path after its language prefix, with slots for the slug and the token."""
    path = url.path("en").removeprefix("/en/" if url.localized else "/")
    if url.token:
        path = path.replace(url.token, "{token}")
    return path.replace(url.slug, "{slug}") if url.slug else path


@st.composite
def requests(draw):
    form = draw(st.booleans()) and draw(st.integers(0, 3)) == 0
    url = draw(st.sampled_from(FORM_PAGES if form else PUBLIC_URLS))
    prefix = draw(prefixes) if url.localized else ""
    path = "/" + "/".join(
        part for part in (prefix, route(url).format(slug=draw(slugs), token=draw(tokens))) if part
    )
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
def world(public_site):
    print(f"fuzz: {AGAIN}")  # shown with any failure, also one that is no assertion


@seed(SEED)
@settings(
    max_examples=REQUESTS_PER_RUN,
    deadline=None,
    database=None,  # the seed alone decides what is sent
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
    assert response.status_code < 500, (path, query, body, headers, AGAIN)
