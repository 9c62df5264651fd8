from django.conf import settings
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
    JsonResponse,
)
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from samsmu_intl.department.models import Department
from samsmu_intl.serving.origin import absolute_url


@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 while the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        "Disallow: /*/register/",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: the emblem staff
    uploaded (a temporary redirect, as they may change it), else the site's plain mark."""
    department = Department.load()
    if department.emblem:
        return HttpResponseRedirect(department.emblem_96.url)
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def media(request, path):
    """Uploads, for local work only: in production the proxy serves MEDIA_ROOT. DEBUG and the
    folder are read per request, not when the URLs are loaded, so that what is served never
    depends on the order in which things were imported."""
    if not settings.DEBUG:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
