"""The seed's event summary wrote "sentyabr"; the glossary and every date on the site write
"sentabr". Only that word changes, and only in the Uzbek texts."""

from django.db import migrations
from django.db.models import Q

FIELDS = ("title_uz", "summary_uz", "body_uz")


def respell(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    misspelt = Q()
    for field in FIELDS:
        misspelt |= Q(**{f"{field}__contains": "sentyabr"})
    for event in Event.objects.filter(misspelt):
        changed = [field for field in FIELDS if "sentyabr" in (getattr(event, field) or "")]
        for field in changed:
            setattr(event, field, getattr(event, field).replace("sentyabr", "sentabr"))
        if changed:
            event.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("events", "0008_registrations_cancel_and_waiting_list_moves")]

    operations = [migrations.RunPython(respell, migrations.RunPython.noop)]
