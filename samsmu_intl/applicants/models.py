from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from partners.models import Program
from samsmu_intl.applicants.validators import DOCX, PDF, XLSX, document_type, validate_document
from samsmu_intl.content.publishing import Publishable
from samsmu_intl.content.text import RichTextField
from samsmu_intl.department.models import StaffMember

MIME_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class GuideQuerySet(models.QuerySet):
    def singleton(self):
        return self.filter(pk=ApplicantGuide.SINGLETON_PK)


class ApplicantGuide(models.Model):
    """The guide for applicants: one row, edited by staff, with its steps and questions."""

    SINGLETON_PK = 1

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "A few sentences at the top of the page. Separate paragraphs with an empty line."
        ),
    )
    documents_needed = RichTextField(
        _("documents needed"),
        blank=True,
        help_text=_("What an applicant sends; the forms to download are listed below it."),
    )
    deadlines = RichTextField(
        _("deadlines"),
        blank=True,
        help_text=_("Only dates the university has announced; each program shows its own too."),
    )
    contact = models.ForeignKey(
        StaffMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("Shown with photo, email and phone while their team entry is published."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide for applicants")
        verbose_name_plural = _("guide for applicants")

    def __str__(self):
        return str(_("Guide for applicants"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("applicants:guide")

    @classmethod
    def load(cls):
        return cls.objects.singleton().select_related("contact").first() or cls(pk=cls.SINGLETON_PK)


class ApplicationStep(models.Model):
    guide = models.ForeignKey(ApplicantGuide, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(
        _("step"),
        max_length=200,
        help_text=_("One step of applying, in a few words; the steps are numbered in their order."),
    )
    text = models.TextField(
        _("details"), blank=True, help_text=_("What the applicant does in this step.")
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("step to apply")
        verbose_name_plural = _("steps to apply")

    def __str__(self):
        return self.title


class Question(Publishable):
    """A frequently asked question, published like all content (drafts wait for translation)."""

    guide = models.ForeignKey(ApplicantGuide, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(
        _("question"), max_length=300, help_text=_("As an applicant would ask it.")
    )
    answer = RichTextField(_("answer"), help_text=_("Shown when the question is opened."))
    order = models.PositiveIntegerField(
        _("order"), default=0, db_index=True, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("frequently asked question")
        verbose_name_plural = _("frequently asked questions")

    def __str__(self):
        return self.question


class PublicDocument(Publishable):
    class Kind(models.TextChoices):
        FORM = "form", _("Form")
        BROCHURE = "brochure", _("Brochure")
        REGULATION = "regulation", _("Regulation")

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The document’s name on the documents page and the programs’ pages."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("The documents page groups the documents by kind."),
    )
    language = models.CharField(
        _("language of the document"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language the document itself is written in."),
    )
    file = models.FileField(
        _("file (PDF, DOCX or XLSX)"),
        upload_to="documents/",
        validators=[validate_document],
        help_text=_("Public: anyone can download it. At most 10 MB."),
    )
    file_type = models.CharField(_("file type"), max_length=4, editable=False)
    file_size = models.PositiveIntegerField(_("file size"), default=0, editable=False)
    programs = models.ManyToManyField(
        Program,
        related_name="documents",
        blank=True,
        verbose_name=_("programs"),
        help_text=_("The programs' pages link to this document."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, db_index=True, help_text=_("Lower numbers come first.")
    )

    class Meta:
        ordering = ["kind", "order", "pk"]
        verbose_name = _("public document")
        verbose_name_plural = _("public documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("applicants:documents") + f"#document-{self.pk}"

    def save(self, *args, **kwargs):
        # What the lists show is read from the bytes once, on upload, never per request.
        if self.file and not getattr(self.file, "_committed", True):
            self.file_type = document_type(self.file)
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    def size_display(self):
        """ "240 KB", "1.4 MB", in the page language's numbers."""
        kilobytes = max(1, round(self.file_size / 1024))
        if kilobytes < 1024:
            return _("%(size)s KB") % {"size": number_format(kilobytes)}
        return _("%(size)s MB") % {"size": number_format(self.file_size / 1024 / 1024, 1)}

    def type_display(self):
        return self.file_type.upper()

    @property
    def mime_type(self):
        return MIME_TYPES.get(self.file_type, "application/octet-stream")
