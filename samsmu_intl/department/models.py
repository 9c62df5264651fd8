from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from samsmu_intl.content.languages import LocalizedText, localized
from samsmu_intl.content.publishing import Publishable
from samsmu_intl.images.renditions import alt_text_errors, png_square, webp
from samsmu_intl.images.uploads import EmblemField, ImageField


class DepartmentQuerySet(models.QuerySet):
    def singleton(self):
        """The department's one row, or nothing until the seed or staff create it."""
        return self.filter(pk=Department.SINGLETON_PK)


class Department(models.Model):
    """The site's identity (the university's name and emblem), the department's contacts and
    the home page's heading and photo: one row, edited by staff."""

    # The row every page, email and command reads: saving always writes it, nothing else does.
    SINGLETON_PK = 1
    # Until staff write the university's names, the glossary's.
    DEFAULT_NAMES = {
        "university_name": _("Samarkand State Medical University"),
        "university_short_name": _("SamSMU"),
    }

    university_name = models.CharField(
        _("university name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown in the header of every page, for example: Samarkand State Medical University."
        ),
    )
    university_short_name = models.CharField(
        _("university short name"),
        max_length=40,
        blank=True,
        help_text=_(
            "Shown in the header on phones, where the full name does not fit, for example: SamSMU."
        ),
    )
    emblem = EmblemField(
        _("emblem"),
        upload_to="identity/",
        blank=True,
        help_text=_(
            "The university's emblem as PNG or WebP on a transparent background, at least 512 "
            "pixels wide: shown in the header, as the browser tab's icon and as the picture "
            "when a page is shared. Empty: a plain mark is shown."
        ),
    )
    emblem_96 = png_square("emblem", 96)
    emblem_192 = png_square("emblem", 192)
    emblem_512 = png_square("emblem", 512)

    title = models.CharField(
        _("landing page heading"), max_length=200, help_text=_("The main heading of the home page.")
    )
    lead = models.TextField(
        _("landing page summary"),
        blank=True,
        help_text=_("One or two sentences under the heading of the home page."),
    )
    hero_photo = ImageField(
        _("home page photo"),
        upload_to="department/",
        blank=True,
        width_field="hero_photo_width",
        height_field="hero_photo_height",
        help_text=_(
            "A photograph of the university, its people or its city, in landscape, at least "
            "1600 pixels wide; shown at the top of the home page. Empty: the page starts "
            "with its heading."
        ),
    )
    hero_photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # A phone gets the 640 or 800 pixel one whatever its pixel density, at most about 100 KB
    # for a detailed photograph; a wider screen chooses among 640, 1024 and 1600. Quality 70:
    # the difference from 80 does not show at these sizes, the bytes do (a fifth less).
    hero_photo_640 = webp("hero_photo", 640, quality=70)
    hero_photo_800 = webp("hero_photo", 800, quality=70)
    hero_photo_1024 = webp("hero_photo", 1024, quality=70)
    hero_photo_1600 = webp("hero_photo", 1600, quality=70)
    hero_photo_alt = models.CharField(
        _("home page photo description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for visitors who cannot see it; needed in every language."
        ),
    )
    address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("Shown on the contact page and at the foot of every page."),
    )
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Shown to visitors; messages from the contact form are sent here too."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_(
            "Shown on the contact page and at the foot of every page, e.g. +998 66 233 08 41."
        ),
    )
    website = models.URLField(
        _("university website"),
        blank=True,
        help_text=_("The university’s main site, linked at the foot of every page."),
    )
    hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: Mon–Fri 9:00–17:00"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Where the office is, for the “Open in OpenStreetMap” link: degrees north, e.g. "
            "39.65420. Right-click the building on openstreetmap.org and choose “Show address” "
            "to read it. Empty: the link searches for the address."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees east, e.g. 66.95970."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("department")

    def __str__(self):
        return str(_("Department of International Cooperation"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("department:landing")

    def clean(self):
        # The home page is always public: its photo needs its description in every language.
        errors = alt_text_errors(self, "hero_photo", "hero_photo_alt", publishing=True)
        if errors:
            raise ValidationError(errors)

    def _name(self, field_name):
        text = localized(self, field_name)
        if text:
            return text
        language = get_language() or "uz"
        return LocalizedText(str(self.DEFAULT_NAMES[field_name]), language, language)

    @property
    def university(self):
        """The university's name in the page's language (or its fallback's, marked)."""
        return self._name("university_name")

    @property
    def university_short(self):
        return self._name("university_short_name")

    @property
    def map_url(self):
        """A plain link to openstreetmap.org (nothing loads from it until a visitor follows it):
        a marker at the coordinates staff set, else a search for the address in the page's
        language; None without either."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
            query = urlencode({"mlat": lat, "mlon": lon})
            return f"https://www.openstreetmap.org/?{query}#map=17/{lat}/{lon}"
        address = str(localized(self, "address"))
        if address.strip():
            query = urlencode({"query": " ".join(address.split())})
            return f"https://www.openstreetmap.org/search?{query}"
        return None

    @classmethod
    def load(cls):
        """The one row; an unsaved placeholder until the seed or staff create it."""
        return cls.objects.singleton().first() or cls(pk=cls.SINGLETON_PK)


class LandingSection(Publishable):
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(
        _("heading"), max_length=200, help_text=_("The section’s heading on the home page.")
    )
    body = models.TextField(_("text"), help_text=_("Separate paragraphs with an empty line."))
    order = models.PositiveIntegerField(
        _("order"), default=0, db_index=True, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("home page section")
        verbose_name_plural = _("home page sections")

    def __str__(self):
        return self.heading


class StaffMember(Publishable):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("As visitors should read it, e.g. “N. N. Shavazi”.")
    )
    slug = models.SlugField(
        _("short address"),
        unique=True,
        help_text=_("Latin letters, digits and hyphens; links to this person use it."),
    )
    position = models.CharField(
        _("position"),
        max_length=200,
        help_text=_("Shown under the name on the team page, e.g. “Head of the department”."),
    )
    photo = ImageField(
        _("photo"),
        upload_to="staff/",
        blank=True,
        help_text=_("A portrait in JPEG, PNG or WebP."),
    )
    photo_160 = webp("photo", 160)
    photo_320 = webp("photo", 320)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Shown on the team page; leave empty to show none.")
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown on the team page; leave empty to show none."),
    )
    order = models.PositiveIntegerField(
        _("order"),
        default=0,
        db_index=True,
        help_text=_("Lower numbers come first on the team page."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("department:team") + f"#{self.slug}"


class Inquiry(models.Model):
    """A question sent through the contact form. Stored before staff are emailed."""

    class Topic(models.TextChoices):
        ADMISSION = "admission", _("Admission")
        PARTNERSHIP = "partnership", _("Partnership")
        MOBILITY = "mobility", _("Academic mobility")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    country = CountryField(_("country"))
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"), max_length=5000)
    consent = models.BooleanField(_("consent to store the data"), default=False)
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    staff_notified_at = models.DateTimeField(_("staff notified"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(
        _("acknowledgement sent"),
        null=True,
        blank=True,
        help_text=_("When the sender was told by email that their question arrived."),
    )
    email_error = models.TextField(_("last email error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")

    def __str__(self):
        return f"{self.name}: {self.get_topic_display()}"
