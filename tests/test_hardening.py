import pytest
from django.urls import reverse
from django.utils import translation

SECURITY_HEADERS = (
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
    "Content-Security-Policy",
)


@pytest.mark.parametrize(
    "path",
    [
        "/",  # the language middleware's redirect, made after the CSP middleware ran
        "/en/partners",  # CommonMiddleware's slash redirect
        "/en/no-such-page/",  # a 404
        "/no-such-page/",  # a 404 outside the language prefixes
        "/admin/",  # the login redirect
        "/healthz",
        "/robots.txt",
        "/sitemap.xml",
    ],
)
def test_every_response_carries_the_same_security_headers(client, seeded, path):
    response = client.get(path)
    page = client.get("/en/")
    for header in SECURITY_HEADERS:
        assert header in response, f"{path} ({response.status_code}) has no {header}"
    assert response["X-Frame-Options"] == page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_security_headers_on_pages(client, seeded):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_cookies_are_http_only_and_same_site(client, make_event):
    event = make_event("webinar", kind="webinar")
    with translation.override("en"):
        response = client.get(reverse("events:register", args=[event.slug]))
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
@pytest.mark.usefixtures("unreachable_database")
@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/partners/?q=x", "The site is temporarily unavailable"),
        ("/ru/events/", "Сайт временно недоступен"),
        ("/uz/team/", "Sayt vaqtincha ishlamayapti"),
    ],
)
def test_database_outage_gives_a_short_translated_503(client, path, text):
    response = client.get(path)
    assert response.status_code == 503
    html = response.content.decode()
    assert text in html
    assert "/static/css/site.css" in html
    assert "Traceback" not in html
    assert response["Retry-After"] == "60"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))" onmouseover="alert(1)">x</p>',
    ],
)
def test_stored_script_never_reaches_a_page(client, make_partner, make_event, payload):
    from events.models import Event
    from partners.models import Partner

    make_partner("victim")
    make_event("victim")
    # Written past the model's own sanitising (as a raw SQL fix or an old backup would be).
    Partner.objects.filter(slug="victim").update(description_en=f"<p>Safe</p>{payload}")
    Event.objects.filter(slug="victim").update(body_en=f"<p>Safe</p>{payload}")
    with translation.override("en"):
        pages = [
            client.get(reverse("partners:detail", args=["victim"])).content.decode(),
            client.get(reverse("events:detail", args=["victim"])).content.decode(),
        ]
    for html in pages:
        main = html.split("<main")[1].split("</main>")[0]
        assert "<p>Safe</p>" in main
        for forbidden in ("<script", "onerror", "javascript:", "<iframe", "onmouseover", "style="):
            assert forbidden not in main


def test_uploaded_files_are_served_with_their_real_type_and_nosniff(client, make_partner, settings):
    """Locally, uploads are served by Django; in production (DEBUG off) only by the proxy."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    partner = make_partner("typed")
    partner.logo.save("logo.png", SimpleUploadedFile("logo.png", buffer.getvalue()))
    assert client.get(partner.logo.url).status_code == 404  # the test runner turns DEBUG off
    settings.DEBUG = True
    response = client.get(partner.logo.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
