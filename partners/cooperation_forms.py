"""The fixed list of forms of cooperation. Created after every `migrate` (and after the test
runner's flushes) when missing; staff may reword them in the admin, and their edits stay."""

FORMS = [
    (
        "joint-program",
        "Qoʻshma taʼlim dasturi",
        "Совместная образовательная программа",
        "Joint program",
    ),
    (
        "double-diploma",
        "Qoʻsh diplom dasturi",
        "Программа двойного диплома",
        "Double-diploma program",
    ),
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


def ensure_cooperation_forms(using="default", apps=None, **kwargs):
    """post_migrate receiver. `apps` is the migrated state: after `migrate partners zero` it has
    no CooperationForm, and there is no table to fill."""
    if apps is None:
        from django.apps import apps
    try:
        CooperationForm = apps.get_model("partners", "CooperationForm")
    except LookupError:
        return
    for order, (slug, uz, ru, en) in enumerate(FORMS, start=1):
        CooperationForm.objects.using(using).get_or_create(
            slug=slug,
            defaults={"order": order * 10, "name_uz": uz, "name_ru": ru, "name_en": en},
        )
