import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.template.loader import get_template

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not send (no page needs the camera, the
    microphone, location or payments), and the same Content-Security-Policy and
    X-Frame-Options on every response.

    Those two are written by middleware further in, so that a page stored by the page cache
    keeps the policy whose nonce its scripts carry. A response made outside them (the
    language middleware's redirect from "/", an error from a middleware) gets them here."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csp = CSPMiddleware(get_response)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        # django-csp writes its header only where none is set yet.
        return self.csp.process_response(request, response)


class DatabaseUnavailableMiddleware:
    """When the database does not answer, visitors get a short, translated 503 page (rendered
    without anything that needs the database) instead of a server error. Connections are
    health-checked (CONN_HEALTH_CHECKS), so the servers recover by themselves when it returns."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError):
            return None
        logger.error("Database unavailable for %s: %s", request.path, exception)
        response = HttpResponse(get_template("503.html").render({}), status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
