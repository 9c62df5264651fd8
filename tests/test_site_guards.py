"""Guards over the whole site: every public page in every language, migrations, catalogues."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
# Every public page type; detail pages use the seed content.
PUBLIC_PAGES = [
    ("department:landing", {}),
    ("department:team", {}),
    ("department:contact", {}),
    ("partners:list", {}),
    ("partners:map", {}),
    ("partners:detail", {"slug": "yeditepe-university"}),
    ("partners:program-list", {}),
    ("events:list", {}),
    ("events:detail", {"slug": "forum-yeditepe-university-2024"}),
]


def public_urls():
    for name, kwargs in PUBLIC_PAGES:
        for language in ("uz", "ru", "en"):
            with translation.override(language):
                yield language, reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("language_and_url", list(public_urls()), ids=lambda lu: lu[1])
def test_every_public_page_renders_with_one_h1(client, seeded, language_and_url):
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
def test_malformed_query_strings_do_not_break_pages(client, seeded, query):
    for _language, url in public_urls():
        assert client.get(url + query).status_code == 200


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
