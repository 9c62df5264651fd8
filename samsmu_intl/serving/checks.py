"""What the proxy may serve: everything under MEDIA_ROOT and STATIC_ROOT, to anyone."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def private_media_is_outside_public_folders(app_configs, **kwargs):
    """nginx serves MEDIA_ROOT at /media/ and STATIC_ROOT at /static/ without asking Django:
    signed agreements stored inside either would be anyone's for the URL."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name)).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}): the proxy "
                    f"would serve the signed agreements to anyone.",
                    hint=f"Give PRIVATE_MEDIA_ROOT a folder outside {name}.",
                    id="serving.E001",
                )
            )
    return errors
