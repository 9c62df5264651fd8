import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

# Stands for "never confirmed": older than any change.
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class FieldChangeQuerySet(models.QuerySet):
    def for_objects(self, objects):
        """The rows of several items, possibly of several models, in one query."""
        condition = models.Q(pk__isnull=True)
        for obj in objects:
            content_type = ContentType.objects.get_for_model(obj)
            condition |= models.Q(content_type=content_type, object_id=obj.pk)
        return self.filter(condition)

    def stale(self):
        """Texts with a newer change in another language of the same field of the same item."""
        newer_elsewhere = FieldChange.objects.filter(
            content_type=OuterRef("content_type"),
            object_id=OuterRef("object_id"),
            field=OuterRef("field"),
            changed_at__gt=OuterRef("confirmed_since"),
        ).exclude(language=OuterRef("language"))
        return (
            self.filter(has_text=True)
            .alias(confirmed_since=Coalesce("confirmed_at", Value(NEVER)))
            .filter(Exists(newer_elsewhere))
        )


class FieldChange(models.Model):
    """When one language of one translated field of one item was last changed and last confirmed.

    changed_at: the last edit of text that was up to date (it makes the other languages stale).
    confirmed_at: the last time an editor wrote or confirmed this language's text.
    A language's text is stale while another language's changed_at is later than its
    confirmed_at. Kept here, beside the content, so the content tables stay as they are."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=100)
    language = models.CharField(max_length=10)
    has_text = models.BooleanField(default=False)
    changed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = FieldChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation change")
        verbose_name_plural = _("translation changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_field_change_per_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} {self.field}_{self.language}"


class DigestSend(models.Model):
    """One row per ISO week: claimed before the weekly digest is sent, so that a second run in
    the same week (cron twice, two schedulers) sends nothing."""

    week = models.CharField(_("week"), max_length=10, unique=True)
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        ordering = ["-week"]
        verbose_name = _("editorial digest")
        verbose_name_plural = _("editorial digests")

    def __str__(self):
        return self.week
