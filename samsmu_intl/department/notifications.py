"""Staff hear of a new inquiry by email; a failure is logged and kept on the inquiry."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from samsmu_intl.department.models import Department
from samsmu_intl.serving.origin import absolute_url

logger = logging.getLogger(__name__)


def inquiry_recipients():
    department = Department.load()
    return settings.INQUIRY_RECIPIENTS or ([department.email] if department.email else [])


def notify_staff(inquiry):
    recipients = inquiry_recipients()
    if not recipients:
        logger.warning("Inquiry %s stored; no address to notify (INQUIRY_RECIPIENTS)", inquiry.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "inquiry": inquiry,
            "admin_url": absolute_url(
                reverse("admin:department_inquiry_change", args=[inquiry.pk])
            ),
        }
        subject = render_to_string("department/email/inquiry_subject.txt", context).strip()
        body = render_to_string("department/email/inquiry.txt", context)
    message = EmailMessage(subject, body, to=recipients, reply_to=[inquiry.email])
    try:
        message.send()
    except Exception as error:  # any mail-server failure; the inquiry stays
        logger.exception("Email about inquiry %s failed", inquiry.pk)
        inquiry.email_error = f"{timezone.now():%Y-%m-%d %H:%M} {error}"[:1000]
        inquiry.save(update_fields=["email_error"])
        return False
    inquiry.staff_notified_at = timezone.now()
    inquiry.save(update_fields=["staff_notified_at"])
    return True
