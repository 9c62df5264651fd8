"""One way of publishing for every kind of content: a draft or published status and an optional
publish-from time, decided when a page is read (so scheduling needs no cron job).

Every item also knows when visitors first saw it (`published_at`: what feeds give as an entry's
publication) and when it last changed (`updated_at`: a feed entry's update, a sitemap's
lastmod). Neither is ever in the future, so a feed's Last-Modified never is either."""

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

    published_at = models.DateTimeField(_("first published"), null=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.published_at = self.first_publication()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "published_at"}
        super().save(*args, **kwargs)

    def first_publication(self):
        """When visitors first see this item: kept once they have; until then, the moment it is
        published, or its publish-from time when that is later. A draft has none yet."""
        now = timezone.now()
        if self.published_at is not None and self.published_at <= now:
            return self.published_at
        if self.status != self.Status.PUBLISHED:
            return None
        return max(self.publish_from or now, now)

    @property
    def is_visible(self):
        return self.status == self.Status.PUBLISHED and (
            self.publish_from is None or self.publish_from <= timezone.now()
        )
