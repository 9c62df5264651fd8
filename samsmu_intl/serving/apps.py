"""Serving pages: the page cache dropped whenever content changes, on every server at once."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

CONTENT_APPS = ("department", "news", "applicants", "certificates", "partners", "events")


class ServingConfig(AppConfig):
    name = "samsmu_intl.serving"
    label = "serving"
    verbose_name = _("Site")

    def ready(self):
        from django.apps import apps

        from samsmu_intl.serving import checks  # noqa: F401  (registers the system check)
        from samsmu_intl.serving.pagecache import invalidate_pages

        for app_label in CONTENT_APPS:
            for model in apps.get_app_config(app_label).get_models():
                uid = f"page-cache-{model._meta.label_lower}"
                post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"{uid}-delete")
                for field in model._meta.local_many_to_many:
                    m2m_changed.connect(
                        invalidate_pages,
                        sender=field.remote_field.through,
                        dispatch_uid=f"{uid}-{field.name}-m2m",
                    )
