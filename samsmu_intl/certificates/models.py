"""Certificates of participation: what one says is written into it when it is issued, so that it
still verifies when its registration has been deleted (by staff, or by the personal-data purge)."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, override
from django.utils.translation import gettext_lazy as _

from events.models import Event, Registration

# Crockford's base 32 without the letters read as digits (I, L, O, U): 10 characters are 50 bits,
# too many to guess, few enough to type from paper. Written as two groups of five.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
CODE_PATTERN = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")
PLACEHOLDERS = ("name", "event", "date", "length")
PLACEHOLDER = re.compile(r"\{(\w*)\}")
LANGUAGES = ("uz", "ru", "en")


def new_code():
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def normalized_code(text):
    """The code as stored, from what someone typed or scanned (lower case, O for 0); None when
    it cannot be one."""
    code = text.strip().upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if len(code) == CODE_LENGTH:
        code = f"{code[:5]}-{code[5:]}"
    return code if CODE_PATTERN.match(code) else None


class CertificateTemplate(models.Model):
    """The wording of every certificate, in three languages: one row, edited by staff. An empty
    field prints the site's own wording in that language."""

    SINGLETON_PK = 1

    heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_("The large line at the top, e.g. “Certificate of participation”."),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Placeholders: {name} (the attendee), {event} (the event's title), {date}, "
            "{length}. Separate paragraphs with an empty line."
        ),
    )
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=200,
        blank=True,
        help_text=_("The head of the department, who signs the certificates."),
    )
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=200,
        blank=True,
        help_text=_("Printed under the signature line, e.g. “Head of the department”."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate template")

    def __str__(self):
        return gettext("Certificate template")

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls):
        """The one row, or an empty one (the site's own wording) until staff save it."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)

    def clean(self):
        errors = {}
        for field in self._meta.concrete_fields:
            if not field.name.startswith("body"):
                continue
            unknown = [
                f"{{{name}}}"
                for name in PLACEHOLDER.findall(getattr(self, field.name) or "")
                if name not in PLACEHOLDERS
            ]
            if unknown:
                errors[field.name] = _(
                    "Unknown placeholder: %(unknown)s. Use {name}, {event}, {date} or {length}."
                ) % {"unknown": ", ".join(unknown)}
        if errors:
            raise ValidationError(errors)

    def wording(self, language):
        """heading, paragraphs of the text, signatory's name and position in `language`: each
        the staff's text in it, or the site's own."""
        with override(language):
            return {
                "heading": getattr(self, f"heading_{language}", "")
                or gettext("Certificate of participation"),
                "body": getattr(self, f"body_{language}", "")
                or gettext(
                    "This is to certify that {name} took part in “{event}”, held by the "
                    "Department of International Cooperation of Samarkand State Medical "
                    "University on {date} ({length})."
                ),
                "signatory_name": getattr(self, f"signatory_name_{language}", ""),
                "signatory_position": getattr(self, f"signatory_position_{language}", "")
                or gettext("Head of the Department of International Cooperation"),
            }


class CertificateQuerySet(models.QuerySet):
    def issue(self, registration, now=None):
        """The registration's certificate, issued now if it has none. Only for attendees, after
        the event: ValueError otherwise."""
        if not registration.may_have_certificate(now):
            raise ValueError("Certificates are for attendees, after the event.")
        existing = self.filter(registration=registration).first()
        if existing:
            return existing
        event = registration.event
        snapshot = {
            "registration": registration,
            "event": event,
            "name": registration.name,
            "language": registration.language,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "date_precision": event.date_precision,
            **{f"event_title_{code}": getattr(event, f"title_{code}") or "" for code in LANGUAGES},
        }
        for _attempt in range(5):
            try:
                with transaction.atomic():
                    return self.create(**snapshot)
            except IntegrityError:
                # The same registration issued at once by another request, or (rarer than
                # anything else here) a code taken already.
                existing = self.filter(registration=registration).first()
                if existing:
                    return existing
        raise RuntimeError("No free certificate code after five tries.")


class Certificate(models.Model):
    code = models.CharField(_("code"), max_length=11, unique=True, default=new_code, editable=False)
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificate",
        verbose_name=_("registration"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        verbose_name=_("event"),
    )
    # What the certificate says, as it was when issued.
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=5)
    event_title_uz = models.CharField(_("event title (Oʻzbekcha)"), max_length=255, blank=True)
    event_title_ru = models.CharField(_("event title (Русский)"), max_length=255, blank=True)
    event_title_en = models.CharField(_("event title (English)"), max_length=255, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    date_precision = models.CharField(
        _("how precise the dates are"),
        max_length=10,
        choices=Event.DatePrecision.choices,
        default=Event.DatePrecision.EXACT,
    )
    issued_at = models.DateTimeField(_("issued"), default=timezone.now, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.code} · {self.name}"

    def get_absolute_url(self):
        return reverse("certificates:verify", kwargs={"code": self.code})

    def _as_event(self):
        # Dates are written as the event's page writes them, from the snapshot; the certificate
        # names the days, not the hours.
        precision = self.date_precision
        if precision == Event.DatePrecision.EXACT:
            precision = Event.DatePrecision.DAY
        return Event(starts_at=self.starts_at, ends_at=self.ends_at, date_precision=precision)

    def date_text(self):
        """The date(s) in the active language: "2026-yil 5-dekabr", "5–7 декабря 2026 г."."""
        return self._as_event().when_text()

    def length_text(self):
        """How long the event was, in the active language: hours and minutes for an event of
        one day with its times known, else the days."""
        first, last = self._as_event().span()
        days = (last - first).days + 1
        if self.date_precision == Event.DatePrecision.EXACT and days == 1:
            minutes = max(round((self.ends_at - self.starts_at).total_seconds() / 60), 1)
            hours, minutes = divmod(minutes, 60)
            parts = []
            if hours:
                parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
            if minutes:
                parts.append(ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes})
            return " ".join(parts)
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
