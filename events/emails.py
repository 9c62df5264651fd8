"""The emails registrants get, each in the language they registered in. Sending never undoes a
registration: a failure is logged and kept on the registration for staff to see."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.calendar import calendar, cancellation
from samsmu_intl.content.languages import localized
from samsmu_intl.serving.origin import absolute_url

logger = logging.getLogger(__name__)


def _event_url(event, language):
    with translation.override(language):
        return absolute_url(event.get_absolute_url())


def _send(registration, template, *, calendar_method=None, sent_field=None, **context):
    event = registration.event
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        url = _event_url(event, language)
        context = {
            "registration": registration,
            "event": event,
            "title": localized(event, "title"),
            "event_url": url,
            "link_url": absolute_url(registration.get_link_url()),
            **context,
        }
        subject = render_to_string(f"events/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{template}.txt", context)
        message = EmailMessage(subject, body, to=[registration.email])
        if calendar_method == "PUBLISH":
            ics = calendar([event], str(context["title"]), lambda _event: url)
        elif calendar_method == "CANCEL":
            ics = cancellation(event, str(context["title"]), url, registration.email)
        if calendar_method:
            mimetype = f"text/calendar; charset=utf-8; method={calendar_method}"
            message.attach(f"{event.slug}.ics", ics, mimetype)
    try:
        message.send()
    except Exception as error:  # any mail-server failure; the registration stays
        logger.exception("Email %r to registration %s failed", template, registration.pk)
        registration.email_error = f"{timezone.now():%Y-%m-%d %H:%M} {template}: {error}"[:1000]
        registration.save(update_fields=["email_error"])
        return False
    if sent_field:
        setattr(registration, sent_field, timezone.now())
        registration.save(update_fields=[sent_field])
    return True


def send_confirmation(registration):
    return _send(
        registration, "confirmation", calendar_method="PUBLISH", sent_field="confirmation_sent_at"
    )


def send_moved_from_waiting_list(registration):
    return _send(registration, "promoted", calendar_method="PUBLISH")


def send_promotions(promoted):
    """Tell each of them that a place is theirs, once the transaction that moved them has
    committed (at once when there is none): never for a move that was rolled back."""
    for registration in promoted:
        transaction.on_commit(
            lambda registration=registration: send_moved_from_waiting_list(registration)
        )


def send_cancellation(registration):
    return _send(registration, "cancellation", calendar_method="CANCEL")


def send_no_place(registration):
    return _send(registration, "no_place")


def _in_their_language(registration, make_path):
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return absolute_url(make_path())


def send_reminder(registration):
    join_url = ""
    if registration.event.join_url:
        join_url = _in_their_language(registration, registration.get_join_url)
    return _send(registration, "reminder", calendar_method="PUBLISH", join_url=join_url)


def certificate_path(registration):
    """The attendee's certificate of participation. The certificates app sits above events in
    the layers, so it is named by its URL, not imported."""
    slug, token = registration.event.slug, registration.link_token
    return reverse("certificates:attendee", kwargs={"slug": slug, "token": token})


def send_recording(registration):
    """The recording, and to those who attended, the link to their certificate."""
    certificate = ""
    if registration.may_have_certificate():
        certificate = _in_their_language(registration, lambda: certificate_path(registration))
    return _send(
        registration, "recording", sent_field="recording_sent_at", certificate_url=certificate
    )
