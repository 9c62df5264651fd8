from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from events.models import Registration
from samsmu_intl.certificates.models import Certificate, normalized_code
from samsmu_intl.certificates.pdf import certificate_pdf
from samsmu_intl.content.languages import localized
from samsmu_intl.serving.origin import absolute_url


def _message(request, message, status):
    context = {"heading": _("Certificate of participation"), "message": message}
    return render(request, "certificates/message.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def verify(request, code):
    """Anyone holding a certificate (or its QR code) checks it here: the page shows what the
    certificate itself shows, nothing more."""
    normalized = normalized_code(code)
    certificate = Certificate.objects.filter(code=normalized).first() if normalized else None
    if certificate is None:
        context = {"code": code[:40]}
        return render(request, "certificates/not_found.html", context, status=404)
    if normalized != code:  # typed in lower case, or without its hyphen
        return redirect(certificate.get_absolute_url(), permanent=True)
    context = {
        "certificate": certificate,
        "event_title": localized(certificate, "event_title"),
    }
    return render(request, "certificates/verify.html", context)


@never_cache
@require_http_methods(["GET", "HEAD"])
def attendee(request, slug, token):
    """The attendee's own certificate, by their personal link (as "my registration"), issued at
    its first download and the same ever after."""
    registration = Registration.objects.from_link(token)
    if registration is None or registration.event.slug != slug:
        message = _(
            "This link is not valid. Please open the whole link from your email; if it still "
            "does not work, write to the department."
        )
        return _message(request, message, 404)
    now = timezone.now()
    if not registration.attended:
        message = _(
            "Certificates of participation are for those marked as attended. If you attended, "
            "please write to the department."
        )
        return _message(request, message, 403)
    if not registration.event.has_ended(now):
        message = _("The certificate will be ready here once the event is over.")
        return _message(request, message, 403)
    certificate = Certificate.objects.issue(registration, now)
    with translation.override(certificate.language or settings.LANGUAGE_CODE):
        verify_url = absolute_url(certificate.get_absolute_url(), request)
    response = HttpResponse(
        certificate_pdf(certificate, verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response
