"""The seed's landing text wrote "sentyabr"; the glossary and every date on the site write
"sentabr". Only that word changes, and only in the Uzbek text."""

from django.db import migrations


def respell(apps, schema_editor):
    LandingSection = apps.get_model("department", "LandingSection")
    for section in LandingSection.objects.filter(body_uz__contains="sentyabr"):
        section.body_uz = section.body_uz.replace("sentyabr", "sentabr")
        section.save(update_fields=["body_uz"])


class Migration(migrations.Migration):
    dependencies = [("department", "0006_contact_map_and_acknowledgement")]

    operations = [migrations.RunPython(respell, migrations.RunPython.noop)]
