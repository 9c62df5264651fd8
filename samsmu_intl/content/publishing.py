"""One way of publishing for every kind of content: a draft or published status and an optional
publish-from time, decided when a page is read (so scheduling needs no cron job)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Publishable.Status.PUBLISHED).filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=timezone.now())
        )


class Publishable(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_("Drafts are never shown to visitors."),
    )
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. A published item appears on the site from this moment (Tashkent time)."
        ),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return self.status == self.Status.PUBLISHED and (
            self.publish_from is None or self.publish_from <= timezone.now()
        )
