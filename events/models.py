import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from partners.models import Partner
from partners.regions import region_for_country
from samsmu_intl.content.aggregates import count_per_item
from samsmu_intl.content.counts import PlaceCountsMixin
from samsmu_intl.content.dates import day_range
from samsmu_intl.content.publishing import Publishable, PublishableQuerySet
from samsmu_intl.content.text import RichTextField
from samsmu_intl.images.renditions import alt_text_errors, webp
from samsmu_intl.images.uploads import ImageField

JOIN_LINK_OPENS_BEFORE = datetime.timedelta(hours=1)
REMINDER_BEFORE = datetime.timedelta(days=1)
WAITING_LIST_HOURS = 24
LINK_SALT = "events.registration.link"


@dataclass(frozen=True)
class Moment:
    """One end of an event as people read it (`text`, after `before`: the separator from the
    moment before it) and machines do (`value`, for the `datetime` attribute of <time>)."""

    value: str
    text: str
    before: str = ""


def time_zone_note():
    return gettext("Tashkent time, UTC+5")


class EventQuerySet(PlaceCountsMixin, PublishableQuerySet):
    def upcoming(self, now=None):
        """Not yet over, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def upcoming_first(self, now=None):
        """Upcoming events soonest first, then past ones newest first: one ordered queryset, so
        that a paginator can walk both."""
        now = now or timezone.now()
        upcoming = Q(ends_at__gte=now)
        return self.annotate(
            is_upcoming=models.Case(
                models.When(upcoming, then=models.Value(1)), default=models.Value(0)
            ),
            upcoming_start=models.Case(models.When(upcoming, then=models.F("starts_at"))),
        ).order_by(
            "-is_upcoming",
            models.F("upcoming_start").asc(nulls_last=True),
            "-starts_at",
            "-pk",
        )

    def years(self):
        """The years that have events, newest first: a few rows, counted by the database."""
        year = ExtractYear("starts_at", tzinfo=timezone.get_current_timezone())
        return list(
            self.annotate(year=year).values_list("year", flat=True).order_by("-year").distinct()
        )

    def mobility(self):
        return self.filter(kind__in=[Event.Kind.STAFF_MOBILITY, Event.Kind.DELEGATION])

    def with_registration_counts(self):
        """Each event's confirmed registrations and its waiting list, as `confirmed_count` and
        `waiting_count`."""
        registrations = Registration.objects.all()
        return self.annotate(
            confirmed_count=count_per_item(registrations.confirmed(), via="event"),
            waiting_count=count_per_item(registrations.waiting(), via="event"),
        )

    def counts_by_region(self):
        """An event stores no region: it counts in its country's usual one."""
        by_region = Counter()
        for country, n in self.counts_by_country().items():
            by_region[region_for_country(country)] += n
        return dict(by_region)


class Event(Publishable):
    class Kind(models.TextChoices):
        STAFF_MOBILITY = "staff-mobility", _("Staff mobility abroad")
        CONFERENCE = "conference", _("Conference")
        DELEGATION = "delegation", _("Incoming delegation")
        SEMINAR = "seminar", _("Seminar")
        WEBINAR = "webinar", _("Webinar")

    class DatePrecision(models.TextChoices):
        EXACT = "exact", _("Exact date and time")
        DAY = "day", _("Day only")
        MONTH = "month", _("Month only")

    REGISTRATION_KINDS = (Kind.WEBINAR, Kind.SEMINAR)

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The event’s name, in lists, calendars and on its page."),
    )
    slug = models.SlugField(
        _("short address"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the event's page address uses it."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_(
            "Shown above the title; visitors filter events by it. Webinars and seminars take "
            "registrations."
        ),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for lists."))
    body = RichTextField(
        _("text"),
        blank=True,
        help_text=_("The programme, speakers and anything else a visitor should know."),
    )
    starts_at = models.DateTimeField(
        _("starts"),
        db_index=True,
        help_text=_("Tashkent time."),
    )
    ends_at = models.DateTimeField(
        _("ends"),
        db_index=True,
        help_text=_("Tashkent time. After this moment the event is listed among past events."),
    )
    date_precision = models.CharField(
        _("how precise the dates are"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
        help_text=_("For past events known only by month, show just the month."),
    )
    is_online = models.BooleanField(
        _("online"), default=False, help_text=_("Tick for a webinar or any event held online.")
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("The building or hall, e.g. “Main building, hall 2”."),
    )
    city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("Shown with the country as the event’s place."),
    )
    country = CountryField(
        _("country"),
        blank=True,
        db_index=True,
        help_text=_("Shown as the event’s place; visitors filter events by it."),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("partner institution"),
        help_text=_("The host or partner institution, when it is one of our partners."),
    )
    host_name = models.CharField(
        _("host (if not a partner)"),
        max_length=255,
        blank=True,
        help_text=_(
            "When the host is not among our partners: its name as visitors should read it."
        ),
    )
    staff = models.ManyToManyField(
        "department.StaffMember",
        related_name="events",
        blank=True,
        verbose_name=_("participating staff"),
        help_text=_("The department’s staff who take part, shown on the event’s page."),
    )
    cover = ImageField(
        _("cover image"),
        upload_to="events/covers/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text=_(
            "The picture at the top of the event’s page and in the lists; JPEG, PNG or WebP."
        ),
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_480 = webp("cover", 480)
    cover_960 = webp("cover", 960)
    cover_1600 = webp("cover", 1600)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for visitors who cannot see it; needed in every language "
            "before the event is published."
        ),
    )
    join_url = models.URLField(
        _("join link"), blank=True, help_text=_("Shown from an hour before the start to the end.")
    )
    recording_url = models.URLField(
        _("recording link"), blank=True, help_text=_("Shown after the event.")
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. When full, new registrations join the waiting list."),
    )
    registration_deadline = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    waiting_list_hours = models.PositiveSmallIntegerField(
        _("waiting list moves until (hours before the start)"),
        default=WAITING_LIST_HOURS,
        help_text=_(
            "When someone cancels, the first person on the waiting list gets the place and an "
            "email, until this many hours before the start. After that, the people still "
            "waiting are told that no place came free."
        ),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "kind", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = alt_text_errors(
            self, "cover", "cover_alt", publishing=self.status == self.Status.PUBLISHED
        )
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("An event cannot end before it starts.")
        if self.capacity == 0:
            errors["capacity"] = _("Leave empty for no limit, or give at least 1.")
        if errors:
            raise ValidationError(errors)

    # Time-dependent facts: the page decides them when it is shown.

    def has_ended(self, now=None):
        return (now or timezone.now()) > self.ends_at

    def join_link_visible(self, now=None):
        now = now or timezone.now()
        return bool(self.join_url) and (
            self.starts_at - JOIN_LINK_OPENS_BEFORE <= now <= self.ends_at
        )

    def recording_visible(self, now=None):
        return bool(self.recording_url) and self.has_ended(now)

    @property
    def takes_registrations(self):
        return self.kind in self.REGISTRATION_KINDS

    @property
    def registration_closes_at(self):
        if self.registration_deadline:
            return min(self.registration_deadline, self.starts_at)
        return self.starts_at

    def places_left(self, confirmed):
        """None when places are not limited."""
        return None if self.capacity is None else max(self.capacity - confirmed, 0)

    @property
    def waiting_list_closes_at(self):
        return self.starts_at - datetime.timedelta(hours=self.waiting_list_hours)

    def waiting_list_moves(self, now=None):
        return (now or timezone.now()) < self.waiting_list_closes_at

    def registrations_changeable(self, now=None):
        """Registrants may cancel until the start."""
        return (now or timezone.now()) < self.starts_at

    def registration_open(self, now=None):
        return (
            self.takes_registrations
            and self.is_visible
            and (now or timezone.now()) < self.registration_closes_at
        )

    # How precise the dates are decides how every view of the event writes them: the page and
    # the cards (when()), the emails (when_text()), the calendars and the JSON-LD (span()).

    @property
    def shows_time(self):
        return self.date_precision == self.DatePrecision.EXACT

    def span(self):
        """The first and the last day (dates, both included) when only the day or the month is
        known; the start and the end (aware, in Tashkent time) when the time is."""
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        if self.date_precision == self.DatePrecision.MONTH:
            first = starts.date().replace(day=1)
            return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if self.date_precision == self.DatePrecision.DAY:
            return starts.date(), ends.date()
        return starts, ends

    def when(self):
        """The dates as the page writes them, in the active language: one moment, or the start
        and the end. A month-only event is its month ("April 2025"); what the end shares with
        the start is written once ("2025-yil 19–21-noyabr", "5 марта 2030 г., 14:00 – 15:30")."""
        first, last = self.span()
        if self.date_precision == self.DatePrecision.MONTH:
            return [Moment(f"{first:%Y-%m}", date_format(first, "YEAR_MONTH_FORMAT"))]
        if self.date_precision == self.DatePrecision.DAY:
            return [
                Moment(day.isoformat(), text, before)
                for before, day, text in day_range(first, last)
            ]

        def value(moment):
            return dateformat.format(moment, r"Y-m-d\TH:i:sO")

        same_day = last.date() == first.date()
        return [
            Moment(value(first), date_format(first, "DATETIME_FORMAT")),
            Moment(
                value(last),
                date_format(last, "TIME_FORMAT" if same_day else "DATETIME_FORMAT"),
                " – ",
            ),
        ]

    def when_text(self):
        """when() as one line of plain text, for the emails."""
        text = "".join(moment.before + moment.text for moment in self.when())
        if self.shows_time:
            text += f" ({time_zone_note()})"
        return text

    def register(self, *, email, language, **details):
        """Store a registration, or find the one this address already has.

        Returns (registration, created). The event row is locked while places are counted, so
        two people racing for the last place cannot both get it (PostgreSQL row lock; SQLite
        runs write transactions one at a time). Someone who cancelled and registers again gets
        their row back, at the end of the queue."""
        email = email.strip().lower()
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=self.pk)
            existing = event.registrations.filter(email=email).first()
            if existing and existing.status != Registration.Status.CANCELLED:
                return existing, False
            taken = event.registrations.confirmed().count()
            full = event.capacity is not None and taken >= event.capacity
            status = Registration.Status.WAITING if full else Registration.Status.CONFIRMED
            if existing is None:
                registration = event.registrations.create(
                    email=email, language=language, status=status, **details
                )
                return registration, True
            fresh = Registration(
                pk=existing.pk,
                event=event,
                email=email,
                language=language,
                status=status,
                created_at=timezone.now(),
                **details,
            )
            fresh.save(force_update=True)
        return fresh, True

    def promote_waiting(self, now=None):
        """Give the free places to the waiting list, first registered first. Call it inside
        transaction.atomic() on a row from `Event.objects.select_for_update()`, so that no
        other change of places runs meanwhile. Returns the registrations moved; they are owed
        an email (emails.send_promotions). Nobody moves once the waiting list has closed."""
        if not self.waiting_list_moves(now):
            return []
        waiting = self.registrations.waiting().order_by("created_at", "pk")
        if self.capacity is not None:
            free = self.capacity - self.registrations.confirmed().count()
            if free <= 0:
                return []
            waiting = waiting[:free]
        promoted = list(waiting)
        for registration in promoted:
            registration.status = Registration.Status.CONFIRMED
            registration.save(update_fields=["status"])
        return promoted

    def fill_places(self, now=None):
        """promote_waiting() in a transaction of its own, with the event row locked: after
        staff remove someone or raise the capacity."""
        with transaction.atomic():
            return Event.objects.select_for_update().get(pk=self.pk).promote_waiting(now)


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    image = ImageField(
        _("photo"),
        upload_to="events/photos/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, shown in the event’s gallery."),
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_480 = webp("image", 480)
    image_960 = webp("image", 960)
    caption = models.CharField(
        _("caption"), max_length=250, blank=True, help_text=_("Shown under the photo.")
    )
    alt = models.CharField(
        _("description"),
        max_length=250,
        help_text=_(
            "What the photo shows, for visitors who cannot see it; needed in every language "
            "before the event is published."
        ),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.alt

    def clean(self):
        # In the event's admin page, `event` is the event as submitted with this photo, so
        # publishing it and describing its photos are checked together.
        try:
            publishing = self.event.status == Event.Status.PUBLISHED
        except Event.DoesNotExist:
            publishing = False
        if errors := alt_text_errors(self, "image", "alt", publishing=publishing):
            raise ValidationError(errors)


def _link_signer(email):
    # Bound to the address as well as the row: when staff correct an address, the link sent to
    # the old one stops working ("Send the confirmation again" sends a new one).
    return signing.Signer(salt=f"{LINK_SALT}:{email}", sep=".")


class RegistrationQuerySet(models.QuerySet):
    def from_link(self, token):
        """The registration a personal link names, with its event; None for a token that is
        malformed, forged, or made for an address the row no longer has."""
        number = token.partition(".")[0]
        if not (number.isascii() and number.isdigit() and len(number) < 19):
            return None
        registration = self.select_related("event").filter(pk=int(number)).first()
        if registration is None:
            return None
        try:
            _link_signer(registration.email).unsign(token)
        except signing.BadSignature:
            return None
        return registration

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def attended(self):
        return self.filter(attendance=Registration.Attendance.ATTENDED)

    def mark_attendance(self, attendance):
        """Record the attendance of these registrations; returns how many changed. Only those
        who had a place can have attended: the waiting and cancelled are left as they were."""
        return self.confirmed().exclude(attendance=attendance).update(attendance=attendance)

    def followed_join_link(self):
        return self.confirmed().filter(joined_at__isnull=False)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING)

    def over_capacity_if_confirmed(self, waiting):
        """The events that confirming these waiting registrations would fill past their
        capacity: [{"event", "after": how many would then be registered}]."""
        selected = {}
        for registration in waiting:
            selected.setdefault(registration.event, []).append(registration)
        rows = []
        for event, registrations in selected.items():
            if event.capacity is None:
                continue
            after = self.filter(event=event).confirmed().count() + len(registrations)
            if after > event.capacity:
                rows.append({"event": event, "after": after})
        return rows


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("Not recorded")
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Did not attend")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    affiliation = models.CharField(_("affiliation"), max_length=200)
    country = CountryField(_("country"))
    consent = models.BooleanField(_("consent to store the data"), default=False)
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    email_error = models.TextField(
        _("last email error"), blank=True, help_text=_("Filled when an email could not be sent.")
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    recording_sent_at = models.DateTimeField(_("recording sent"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    no_place_sent_at = models.DateTimeField(_("told no place came free"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"),
        max_length=10,
        choices=Attendance.choices,
        blank=True,
        default=Attendance.UNKNOWN,
        db_index=True,
        help_text=_("Those who attended can get a certificate of participation after the event."),
    )
    joined_at = models.DateTimeField(
        _("followed the join link"),
        null=True,
        blank=True,
        help_text=_("When they first opened the webinar through their own join link."),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        # Exporting puts everyone's personal details in a file: a right given on purpose.
        permissions = [("export_registration", _("Can export registrations"))]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_email")
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        # Addresses differ only in case for the same person; one spelling per event.
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def link_token(self):
        """The token of this registration's personal link ("my registration"): no account, no
        login; signed with the site's secret key, so that nobody can make one for another
        registration."""
        return _link_signer(self.email).sign(str(self.pk))

    def get_link_url(self):
        return reverse(
            "events:registration", kwargs={"slug": self.event.slug, "token": self.link_token}
        )

    def get_join_url(self):
        """Their own way into the webinar: it records that they followed it (the join log that
        staff tick attendance from), then leads to the event's join link."""
        return reverse("events:join", kwargs={"slug": self.event.slug, "token": self.link_token})

    @property
    def attended(self):
        return self.status == self.Status.CONFIRMED and self.attendance == self.Attendance.ATTENDED

    def may_have_certificate(self, now=None):
        """Attendees get a certificate of participation once the event is over."""
        return self.attended and self.event.has_ended(now)

    def record_join(self, now=None):
        """Note the first time they followed their join link; later follows change nothing."""
        now = now or timezone.now()
        if self.joined_at is None:
            Registration.objects.filter(pk=self.pk, joined_at__isnull=True).update(joined_at=now)
            self.joined_at = now

    def cancel(self, now=None):
        """Cancel (the row stays, for staff to see), and give the freed place to the waiting
        list in the same transaction. Returns (cancelled, promoted): cancelled is False when
        it already was; promoted are the registrations that moved up."""
        now = now or timezone.now()
        with transaction.atomic():
            # The event's row first, as register() and fill_places() lock it: every change of
            # this event's places waits for the one before it.
            event = Event.objects.select_for_update().get(pk=self.event_id)
            current = Registration.objects.get(pk=self.pk)
            if current.status == self.Status.CANCELLED:
                return False, []
            self.status, self.cancelled_at = self.Status.CANCELLED, now
            self.save(update_fields=["status", "cancelled_at"])
            return True, event.promote_waiting(now)
