import datetime
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Case, Count, Min, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from partners.regions import Region, region_for_country
from partners.search import partner_search_text
from partners.validators import validate_pdf
from samsmu_intl.content.aggregates import count_per_item, per_item
from samsmu_intl.content.counts import PlaceCountsMixin
from samsmu_intl.content.publishing import Publishable, PublishableQuerySet
from samsmu_intl.content.text import RichTextField, normalise_for_search
from samsmu_intl.images.renditions import webp
from samsmu_intl.images.uploads import ImageField

EXPIRY_WARNING_DAYS = 90


class CooperationForm(models.Model):
    """A form of cooperation (joint program, staff mobility, ...): a short fixed list that a data
    migration creates; staff may reword it but the slugs in URLs stay."""

    slug = models.SlugField(
        _("short address"),
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the directory’s filter addresses use it."),
    )
    name = models.CharField(
        pgettext_lazy("institution", "name"),
        max_length=100,
        help_text=_("Shown on partners’ pages and in the directory’s filter."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("form of cooperation")
        verbose_name_plural = _("forms of cooperation")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # Its page is the directory filtered by it (the admin's "View on site").
        return reverse("partners:list") + f"?cooperation={self.slug}"


class PartnerQuerySet(PlaceCountsMixin, PublishableQuerySet):
    def search(self, query):
        """Names, short names, cities and countries in all three languages."""
        words = normalise_for_search(query).split()
        for word in words:
            self = self.filter(search_text__contains=word)
        return self

    def for_cards(self):
        """Only the columns a partner card shows: descriptions and search text stay behind."""
        return self.only(
            "slug",
            "name",
            "city",
            "country",
            "kind",
            "logo",
            "status",
            "publish_from",
            "publish_until",
        )

    def figures(self):
        """How many partners, in how many countries and regions: one query."""
        return self.aggregate(
            partners=Count("pk"),
            countries=Count("country", distinct=True),
            regions=Count("region", distinct=True),
        )

    def with_agreement_summary(self):
        """How many agreements are in force, and the nearest end date among them (open-ended
        ones have none)."""
        in_force = Agreement.objects.filter(AgreementDates().in_force())
        return self.annotate(
            active_agreement_count=count_per_item(in_force, via="partner"),
            nearest_expiry=per_item(in_force, Min("valid_until"), via="partner"),
        )


class Partner(Publishable):
    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        MEDICAL_UNIVERSITY = "medical-university", _("Medical university")
        RESEARCH_CENTRE = "research-centre", _("Research centre")
        HOSPITAL = "hospital", _("Hospital")
        STATE_BODY = "state-body", _("State body")
        INTERNATIONAL_ORGANISATION = "international-organisation", _("International organisation")

    name = models.CharField(
        pgettext_lazy("institution", "name"),
        max_length=255,
        help_text=_("The institution’s full name, as it writes it in each language."),
    )
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("An abbreviation, if it has one.")
    )
    slug = models.SlugField(
        _("short address"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the partner's page address uses it."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=40,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Shown on the partner’s page; visitors filter the directory by it."),
    )
    country = CountryField(
        _("country"),
        db_index=True,
        help_text=_("Places the partner on the map and in the directory’s filters."),
    )
    city = models.CharField(
        _("city"), max_length=120, blank=True, help_text=_("Shown beside the country.")
    )
    region = models.CharField(
        _("region"), max_length=20, choices=Region.choices, editable=False, db_index=True
    )
    region_override = models.CharField(
        _("region (if not the country's usual one)"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        help_text=_("Leave empty to take the region from the country."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The institution’s own site, linked from its page.")
    )
    logo = ImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        help_text=_("PNG, JPEG or WebP; not SVG."),
    )
    logo_128 = webp("logo", 128)
    logo_240 = webp("logo", 240)
    description = RichTextField(
        _("description"),
        blank=True,
        help_text=_("A few paragraphs on the institution and what we do together."),
    )
    cooperation_forms = models.ManyToManyField(
        CooperationForm,
        related_name="partners",
        blank=True,
        verbose_name=_("forms of cooperation"),
        help_text=_("What we do together; visitors filter the directory by these."),
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the partner’s page; leave empty to show no contact person."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown on the partner’s page.")
    )
    contact_phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("Shown on the partner’s page.")
    )
    # Casefolded names, cities and countries in every language (partners/search.py): one search
    # for all databases.
    search_text = models.TextField(editable=False, blank=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner institution")
        verbose_name_plural = _("partner institutions")
        # The directory's facet counts read only these columns: with the publishing times in the
        # index too, each count is answered from the index without touching the table.
        indexes = [
            models.Index(
                fields=["status", "region", "country", "kind", "publish_from", "publish_until"]
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.region = self.region_override or region_for_country(self.country.code)
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def build_search_text(self):
        return partner_search_text(self)


class AgreementDates:
    """What an agreement's end date means on a day: in force (open-ended, or ending that day or
    later), expiring (ending within EXPIRY_WARNING_DAYS) or expired. The one statement of the
    rule: its conditions serve AgreementQuerySet, the partners' agreement summary and the admin's
    filter, and `validity()` classifies an agreement in hand alike (tests hold the two together
    at every boundary)."""

    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.warning_until = self.today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)

    def _ends(self, lookup, value):
        return Q(**{f"valid_until__{lookup}": value})

    def in_force(self):
        return self._ends("isnull", True) | self._ends("gte", self.today)

    def expiring(self):
        return self._ends("gte", self.today) & self._ends("lte", self.warning_until)

    def expired(self):
        return self._ends("lt", self.today)

    def validity(self, valid_until):
        if valid_until is not None and valid_until < self.today:
            return Agreement.Validity.EXPIRED
        if valid_until is not None and valid_until <= self.warning_until:
            return Agreement.Validity.EXPIRING
        return Agreement.Validity.ACTIVE


class AgreementQuerySet(PublishableQuerySet):
    def active(self, today=None):
        """In force, whether expiring soon or not (the partner page lists these)."""
        return self.filter(AgreementDates(today).in_force())

    def expiring(self, today=None):
        return self.filter(AgreementDates(today).expiring())

    def expired(self, today=None):
        return self.filter(AgreementDates(today).expired())


class PrivateStorage(FileSystemStorage):
    """Where signed agreements live: PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, with no URL. The
    folder is read from settings whenever it is used (never frozen at import or into a
    migration), so tests and restores can move it."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    return PrivateStorage()


class Agreement(Publishable):
    """A signed agreement. Its public part (type and dates, on the partner's page) is published
    like any content; the signed document is for staff only."""

    class Kind(models.TextChoices):
        MEMORANDUM = "memorandum", _("Memorandum of understanding")
        COOPERATION = "cooperation", _("Cooperation agreement")
        MOBILITY = "mobility", _("Erasmus+ or other mobility agreement")
        DOUBLE_DIPLOMA = "double-diploma", _("Double-diploma agreement")

    class Validity(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRING = "expiring", _("Expiring within 90 days")
        EXPIRED = "expired", _("Expired")

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, help_text=_("Shown on the partner’s page.")
    )
    signed_on = models.DateField(_("signed on"), help_text=_("Shown on the partner’s page."))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, db_index=True, help_text=_("Empty: open-ended.")
    )
    document = models.FileField(
        _("signed document (PDF)"),
        upload_to="agreements/",
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Only staff can download it."),
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.signed_on:%Y-%m-%d})"

    @property
    def validity(self):
        return AgreementDates().validity(self.valid_until)

    @property
    def is_active(self):
        return self.validity != self.Validity.EXPIRED

    def get_validity_display(self):
        return self.Validity(self.validity).label

    def clean(self):
        if self.valid_until and self.signed_on and self.valid_until < self.signed_on:
            message = _("An agreement cannot end before it is signed.")
            raise ValidationError({"valid_until": message})


class ProgramQuerySet(PublishableQuerySet):
    def open_first(self, today=None):
        """Programs still taking applications (no deadline, or not passed) first, soonest
        deadline first; then closed ones, most recently closed first."""
        today = today or timezone.localdate()
        still_open = Q(deadline__isnull=True) | Q(deadline__gte=today)
        open_deadline = Case(When(still_open, then=models.F("deadline")))
        return self.annotate(
            accepting=Case(When(still_open, then=Value(True)), default=Value(False))
        ).order_by(
            "-accepting",
            open_deadline.asc(nulls_last=True),
            models.F("deadline").desc(nulls_last=True),
            "title",
            "pk",
        )


class Program(Publishable):
    class Level(models.TextChoices):
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        RESIDENCY = "residency", _("Residency")
        PHD = "phd", _("PhD")
        SHORT_COURSE = "short-course", _("Short course")
        SUMMER_SCHOOL = "summer-school", _("Summer school")

    class Kind(models.TextChoices):
        JOINT = "joint", _("Joint program")
        DOUBLE_DIPLOMA = "double-diploma", _("Double-diploma program")
        MOBILITY = "mobility", _("Exchange and academic mobility")

    title = models.CharField(
        _("title"), max_length=255, help_text=_("The program’s name, in lists and on its page.")
    )
    slug = models.SlugField(
        _("short address"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the program's page address uses it."),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=Level.choices,
        db_index=True,
        help_text=_("Shown on the program’s page; visitors filter programs by it."),
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Shown on the program’s page; visitors filter programs by it."),
    )
    partners = models.ManyToManyField(
        Partner,
        related_name="programs",
        blank=True,
        verbose_name=_("partner institutions"),
        help_text=_("The program’s page names and links these partners."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for the list."))
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("E.g. “one semester” or “2 years”.")
    )
    language_of_instruction = models.CharField(
        _("language of instruction"), max_length=100, blank=True, help_text=_("E.g. “English”.")
    )
    eligibility = RichTextField(
        _("who may apply"),
        blank=True,
        help_text=_("Who may apply: year of study, language level, grades."),
    )
    how_to_apply = RichTextField(
        _("how to apply"),
        blank=True,
        help_text=_("The steps and documents, with links to the forms."),
    )
    deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty: applications are accepted all year."),
    )
    fees = models.CharField(_("fees"), max_length=200, blank=True, help_text=_("Only if stated."))
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("Shown on the program’s page.")
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown on the program’s page.")
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partners:program-detail", kwargs={"slug": self.slug})

    @property
    def is_open(self):
        return self.deadline is None or self.deadline >= timezone.localdate()
