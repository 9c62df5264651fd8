from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event
from partners.models import Partner
from samsmu_intl.content.publishing import Publishable, PublishableQuerySet
from samsmu_intl.content.text import RichTextField
from samsmu_intl.images.renditions import alt_text_errors, webp
from samsmu_intl.images.uploads import ImageField


class NewsArticleQuerySet(PublishableQuerySet):
    def newest_first(self):
        # Publication time first; an article never published yet (a preview) sorts last.
        return self.order_by(models.F("published_at").desc(nulls_last=True), "-pk")


class NewsArticle(Publishable):
    class Kind(models.TextChoices):
        MOBILITY_REPORT = "mobility-report", _("Mobility report")
        NEW_AGREEMENT = "new-agreement", _("New agreement")
        CALL = "call", _("Call for applications")
        ANNOUNCEMENT = "announcement", _("Announcement")

    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The heading of the article, in lists and on its page."),
    )
    slug = models.SlugField(
        _("short address"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the article's page address uses it."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        db_index=True,
        help_text=_("Shown above the title; visitors can list the news by kind."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for lists."))
    body = RichTextField(_("text"), blank=True, help_text=_("The article itself."))
    cover = ImageField(
        _("cover image"),
        upload_to="news/covers/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        help_text=_("The picture at the top of the article and in the lists; JPEG, PNG or WebP."),
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
            "before the article is published."
        ),
    )
    partners = models.ManyToManyField(
        Partner,
        related_name="news",
        blank=True,
        verbose_name=_("partner institutions"),
        help_text=_("The partners this article is about; their pages list it."),
    )
    events = models.ManyToManyField(
        Event,
        related_name="news",
        blank=True,
        verbose_name=_("events"),
        help_text=_("The events this article is about; their pages list it."),
    )

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [models.Index(fields=["status", "kind", "published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = alt_text_errors(
            self, "cover", "cover_alt", publishing=self.status == self.Status.PUBLISHED
        )
        if errors:
            raise ValidationError(errors)


class NewsPhoto(models.Model):
    article = models.ForeignKey(NewsArticle, on_delete=models.CASCADE, related_name="photos")
    image = ImageField(
        _("photo"),
        upload_to="news/photos/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, shown in the article’s gallery."),
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
            "before the article is published."
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
        # In the article's admin page, `article` is the article as submitted with this photo,
        # so publishing it and describing its photos are checked together.
        try:
            publishing = self.article.status == NewsArticle.Status.PUBLISHED
        except NewsArticle.DoesNotExist:
            publishing = False
        if errors := alt_text_errors(self, "image", "alt", publishing=publishing):
            raise ValidationError(errors)
