"""Staff hear of a new inquiry by email, and its sender hears that it arrived, in the language
they wrote in; a failure is logged and kept on the inquiry, which stays."""

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
    return _send(inquiry, message, "staff_notified_at")


def acknowledge(inquiry):
    """Tell the sender their question arrived. It repeats nothing they typed (neither name nor
    message): the form could otherwise mail anyone a text of a stranger's choosing."""
    department = Department.load()
    with translation.override(inquiry.language or settings.LANGUAGE_CODE):
        context = {
            "inquiry": inquiry,
            "department": department,
            "contact_url": absolute_url(reverse("department:contact")),
        }
        subject = render_to_string("department/email/acknowledgement_subject.txt", context)
        body = render_to_string("department/email/acknowledgement.txt", context)
    reply_to = inquiry_recipients()
    message = EmailMessage(subject.strip(), body, to=[inquiry.email], reply_to=reply_to)
    return _send(inquiry, message, "acknowledged_at")


def _send(inquiry, message, sent_field):
    try:
        message.send()
    except Exception as error:  # any mail-server failure; the inquiry stays
        logger.exception("Email about inquiry %s (%s) failed", inquiry.pk, sent_field)
        inquiry.email_error = f"{timezone.now():%Y-%m-%d %H:%M} {error}"[:1000]
        inquiry.save(update_fields=["email_error"])
        return False
    setattr(inquiry, sent_field, timezone.now())
    inquiry.save(update_fields=[sent_field])
    return True
