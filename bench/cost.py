"""Where an uncached request's time goes (`make bench-cost`): the sample site of `make bench`,
measured in one process with the page cache off, no HTTP server and no load generator, so that
the numbers are the application's own. Prints the CPU time per request of the baseline view, of
a page that draws only the site's frame (the 404 page), of the partner directory's view without
its template, of the whole directory, and of the contact form.

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
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client, RequestFactory
    from django.urls import resolve
    from django.utils import translation

    from partners.views import PartnerListView

    client = Client()

    def get(path):
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
    print("\n| request | CPU ms per request |\n| --- | ---: |")
    for name, call in rows:
        print(f"| {name} | {per_request(call):.2f} |")


if __name__ == "__main__":
    main()
