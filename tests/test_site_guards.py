"""Guards over the whole site: every public page in every language, migrations, catalogues."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import URLResolver, get_resolver

from samsmu_intl.content.preview import PreviewMixin
from tests.public_pages import NOT_PUBLIC, PUBLIC_PAGES, PUBLIC_URLS, language_paths

ROOT = Path(__file__).resolve().parent.parent


def url_patterns(patterns=None, namespace="", route=""):
    """(full name, or the view of an unnamed URL; pattern) of every URL the resolver knows,
    but the staff's admin: everything under /admin/."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        full_route = route + str(pattern.pattern)
        if full_route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, inner, full_route)
        else:
            yield (f"{namespace}{pattern.name}" if pattern.name else pattern.lookup_str), pattern


def test_every_public_url_pattern_is_in_the_list_of_pages():
    """A new URL must join tests/public_pages.py (and its content the public_site fixture), so
    that the guards, HTML validity, accessibility and fuzz tests reach it too."""
    listed = {url.name for url in PUBLIC_URLS}
    unlisted = {
        key
        for key, pattern in url_patterns()
        if key not in listed
        and key not in NOT_PUBLIC
        and not issubclass(getattr(pattern.callback, "view_class", object), PreviewMixin)
    }
    assert unlisted == set(), "add these to PUBLIC_URLS or NOT_PUBLIC in tests/public_pages.py"
    assert listed | NOT_PUBLIC.keys() <= {key for key, _pattern in url_patterns()}


@pytest.mark.parametrize(
    "language_and_url", list(language_paths(PUBLIC_PAGES)), ids=lambda lu: lu[1]
)
def test_every_public_page_renders_with_one_h1(client, public_site, language_and_url):
    language, url = language_and_url
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert "Content-Security-Policy" in response.headers
    # No third-party requests: everything the page loads (scripts, images, styles, icons) is
    # our own. Links to other sites are fine; the browser only follows them when clicked.
    loaded = re.findall(r'\ssrc="([^"]+)"', html) + re.findall(
        r'<link rel="(?:stylesheet|icon|preload)"[^>]*href="([^"]+)"', html
    )
    assert loaded
    for ref in loaded:
        assert ref.startswith("/") and not ref.startswith("//"), ref


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/de/", "Страница не найдена"),
        ("/xx/team/", "Страница не найдена"),
        ("/uz/no-such-page/", "Sahifa topilmadi"),
        ("/uz/team/extra/", "Sahifa topilmadi"),
        ("/en/nothing", "Page not found"),
    ],
)
def test_unknown_paths_answer_a_styled_translated_404(client, db, path, heading):
    """The prefix decides the language; without one, the visitor's browser does."""
    response = client.get(path, headers={"accept-language": "ru"})
    html = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in html
    assert "/static/css/site.css" in html


def test_missing_static_file_is_a_plain_404(client, db):
    assert client.get("/static/nothing.css").status_code == 404


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=", "?%ff=%fe", "?q=" + "я" * 1000, "?a=1&a=2&&&=", "?page=-1"]
)
def test_malformed_query_strings_do_not_break_pages(client, public_site, query):
    for _language, url in language_paths(PUBLIC_URLS):
        assert client.get(url + query).status_code == 200, url


def test_robots_txt_keeps_admin_out(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_no_pending_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def msgunfmt(mo):
    return subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    "po", sorted(ROOT.glob("locale/**/LC_MESSAGES/*.po")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_catalogue_is_complete_and_compiled(po, tmp_path):
    stats = subprocess.run(
        ["msgfmt", "--check-format", "--statistics", "-o", str(tmp_path / "fresh.mo"), str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "untranslated" not in stats and "fuzzy" not in stats, stats
    committed = po.with_suffix(".mo")
    assert committed.exists(), f"{committed} is missing: run make messages"
    assert msgunfmt(committed) == msgunfmt(tmp_path / "fresh.mo"), f"{committed} is stale"


def test_every_language_has_a_catalogue():
    assert {p.parts[-3] for p in ROOT.glob("locale/*/LC_MESSAGES/django.po")} == {"uz", "ru", "en"}


def test_uzbek_catalogue_uses_the_proper_letters():
    text = (ROOT / "locale/uz/LC_MESSAGES/django.po").read_text()
    msgstrs = "".join(re.findall(r'^msgstr "(.*)"$', text, re.M))
    assert not re.search(r"[oOgG]['`‘’]", msgstrs)


def test_favicon_ico_points_to_the_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
