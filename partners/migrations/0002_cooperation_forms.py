from django.db import migrations

FORMS = [
    ("joint-program", "Qoʻshma taʼlim dasturi", "Совместная образовательная программа", "Joint program"),
    ("double-diploma", "Qoʻsh diplom dasturi", "Программа двойного диплома", "Double-diploma program"),
    (
        "student-mobility",
        "Talabalar akademik mobilligi",
        "Академическая мобильность студентов",
        "Academic mobility of students",
    ),
    ("staff-mobility", "Xodimlar mobilligi", "Мобильность сотрудников", "Staff mobility"),
    ("research", "Ilmiy hamkorlik", "Научное сотрудничество", "Research"),
    (
        "clinical-training",
        "Amaliyot va klinik tayyorgarlik",
        "Стажировки и клиническая подготовка",
        "Internships and clinical training",
    ),
]


def create_forms(apps, schema_editor):
    CooperationForm = apps.get_model("partners", "CooperationForm")
    for order, (slug, uz, ru, en) in enumerate(FORMS, start=1):
        CooperationForm.objects.update_or_create(
            slug=slug,
            defaults={"order": order * 10, "name": uz, "name_uz": uz, "name_ru": ru, "name_en": en},
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create_forms, migrations.RunPython.noop)]
