"""One way of publishing for every kind of content: a draft or published status and optional
publish-from and publish-until times, decided when a page is read (so scheduling and taking
down, e.g. a call for applications that closes, need no cron job).

Every item also knows when visitors first saw it (`published_at`: what feeds give as an entry's
publication) and when it last changed (`updated_at`: a feed entry's update, a sitemap's
lastmod). Neither is ever in the future, so a feed's Last-Modified never is either."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        now = timezone.now()
        return self.filter(
            Q(publish_from__isnull=True) | Q(publish_from__lte=now),
            Q(publish_until__isnull=True) | Q(publish_until__gt=now),
            status=Publishable.Status.PUBLISHED,
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
    publish_until = models.DateTimeField(
        _("publish until"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. A published item leaves the site at this moment (Tashkent time), for "
            "example when a call for applications closes."
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

    def clean(self):
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError(
                {"publish_until": _("The item must leave the site after it appears on it.")}
            )

    @property
    def is_visible(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or self.publish_until > now)
        )

    def publication_label(self):
        """What a staff member reads of its state: "Scheduled for 5 March 2027, 10:00", not
        a bare "Published" for an item visitors cannot see yet."""
        now = timezone.now()
        if self.status != self.Status.PUBLISHED:
            return self.Status.DRAFT.label
        if self.publish_from and self.publish_from > now:
            return _("Scheduled for %(moment)s") % {"moment": _moment(self.publish_from)}
        if self.publish_until and self.publish_until <= now:
            return _("Taken down on %(moment)s") % {"moment": _moment(self.publish_until)}
        if self.publish_until:
            return _("Published until %(moment)s") % {"moment": _moment(self.publish_until)}
        return self.Status.PUBLISHED.label


def _moment(value):
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")
