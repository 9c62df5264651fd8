"""Partners in and out of CSV and XLSX from the admin (django-import-export)."""

from import_export import fields, resources, widgets

from partners.models import CooperationForm, Partner

TRANSLATED = ("name", "short_name", "city", "description")
LANGUAGE_CODES = ("uz", "ru", "en")


class PartnerResource(resources.ModelResource):
    cooperation_forms = fields.Field(
        attribute="cooperation_forms",
        column_name="cooperation_forms",
        widget=widgets.ManyToManyWidget(CooperationForm, field="slug", separator=","),
    )

    class Meta:
        model = Partner
        import_id_fields = ("slug",)
        fields = (
            "slug",
            *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
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
