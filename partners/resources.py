"""Partners in and out of CSV and XLSX from the admin (django-import-export), as a person reads
them: see samsmu_intl/spreadsheets."""

from partners.models import Partner
from samsmu_intl.spreadsheets.cells import LANGUAGES
from samsmu_intl.spreadsheets.resources import ReadableResource

TRANSLATED = ("name", "short_name", "city", "description")


class PartnerResource(ReadableResource):
    example = {
        "slug": "example-medical-university",
        "name_uz": "Namuna tibbiyot universiteti",
        "name_ru": "Образцовый медицинский университет",
        "name_en": "Example Medical University",
        "city_uz": "Berlin",
        "city_ru": "Берлин",
        "city_en": "Berlin",
        "kind": Partner.Kind.MEDICAL_UNIVERSITY,
        "country": "DE",
        "website": "https://www.example.org",
        "cooperation_forms": ["research", "staff-mobility"],
        "contact_email": "international@example.org",
        "status": Partner.Status.DRAFT,
    }

    class Meta:
        model = Partner
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGES),
            "kind",
            "country",
            "region_override",
            "website",
            "cooperation_forms",
            "contact_name",
            "contact_email",
            "contact_phone",
            "status",
        )
        export_order = fields
        # Every row goes through the model's validation; one bad row stops the whole import
        # (IMPORT_EXPORT_USE_TRANSACTIONS), and the preview lists each row's errors.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
