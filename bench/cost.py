"""Where an uncached request's time goes (`make bench-cost`): the sample site of `make bench`,
measured in one process with the page cache off, no HTTP server and no load generator, so that
the numbers are the application's own. Prints the CPU time per request of the baseline view, of
a page that draws only the site's frame (the 404 page), of the partner directory's view without
its template, of the whole directory, of the contact form, and of the admin pages staff use all
day (the dashboard, the partner and event lists, a partner's change page), signed in as a
superuser reading the admin in Uzbek, with the SQL queries each one runs.

The load benchmark's ratios follow from these: a page can reach at most about (baseline + server
overhead) / (its cost + server overhead) of the baseline's throughput."""

import logging
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import ROOT, prepare_site

REQUESTS = 200


def per_request(call):
    for _ in range(10):
        call()
    started = time.process_time()
    for _ in range(REQUESTS):
        call()
    return (time.process_time() - started) / REQUESTS * 1000


def main():
    os.environ.update(prepare_site(), PAGE_CACHE_SECONDS="0")
    os.environ["ALLOWED_HOSTS"] += ",testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samsmu_intl.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404s are on purpose
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.urls import resolve, reverse
    from django.utils import translation
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from partners.models import Partner
    from partners.views import PartnerListView

    client = Client()
    staff = Client()
    boss = get_user_model().objects.create_superuser("bench", password=None)
    staff.force_login(boss)
    # Every superuser signs in with a second factor: the session as the code step leaves it.
    session = staff.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=boss).persistent_id
    session.save()
    staff.cookies["django_language"] = "uz"

    def get(path, client=client):
        def call():
            response = client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)

        return call

    def directory_view_only():
        # The view with its queries and context, the template left unrendered.
        request = RequestFactory().get("/en/partners/")
        request.user = AnonymousUser()
        request.resolver_match = resolve("/en/partners/")
        with translation.override("en"):
            PartnerListView.as_view()(request)

    rows = [
        ("baseline (/robots.txt)", get("/robots.txt")),
        ("site frame only (the 404 page)", get("/en/no-such-page/")),
        ("partner directory: view, no template", directory_view_only),
        ("partner directory, page 1", get("/en/partners/")),
        ("partner directory, filtered search", get("/ru/partners/?region=europe&q=sample")),
        ("contact page", get("/en/contact/")),
    ]
    partner = Partner.objects.order_by("pk").first()
    admin_pages = [
        ("admin: dashboard", reverse("admin:index")),
        ("admin: partner list", reverse("admin:partners_partner_changelist")),
        ("admin: event list", reverse("admin:events_event_changelist")),
        (
            "admin: a partner's change page",
            reverse("admin:partners_partner_change", args=[partner.pk]),
        ),
    ]
    rows += [(name, get(path, staff)) for name, path in admin_pages]
    print("\n| request | CPU ms per request | SQL queries |\n| --- | ---: | ---: |")
    for name, call in rows:
        call()
        with CaptureQueriesContext(connection) as queries:
            call()
        # Counted now: the queries' log is emptied at the start of every later request.
        count = len(queries)
        print(f"| {name} | {per_request(call):.2f} | {count} |")


if __name__ == "__main__":
    main()
