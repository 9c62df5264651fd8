"""The search column again for every partner: country names now as the site writes them in each
language (locale/vendor: "Мьянма", "Nauru") and with former names ("Turkey")."""

from django.db import migrations


def refresh_search_text(apps, schema_editor):
    from partners.search import partner_search_text

    Partner = apps.get_model("partners", "Partner")
    for partner in Partner.objects.iterator(chunk_size=500):
        text = partner_search_text(partner)
        if text != partner.search_text:
            Partner.objects.filter(pk=partner.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [("partners", "0006_items_can_leave_the_site_by_themselves")]

    operations = [migrations.RunPython(refresh_search_text, migrations.RunPython.noop)]
