"""What the admins with django-import-export's mixins share: readable resources' labels on the
export form, file names in the staff member's language with the local date, the import page
with its template to download, and the rights: exporting is seeing (a view right), importing
is adding and changing."""

from io import BytesIO

import openpyxl
import tablib
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import pgettext
from import_export.formats import base_formats
from import_export.forms import SelectableFieldsExportForm

from samsmu_intl.spreadsheets.workbook import import_template


class ReadableExportForm(SelectableFieldsExportForm):
    """The export's list of columns to tick, named as the file's headers will be."""

    def _get_field_label(self, resource, field_name):
        return resource.header(field_name)


class FirstSheetXLSX(base_formats.XLSX):
    """Reads the workbook's first sheet, not the one that was open when it was saved: a
    template saved while looking at its sheet of allowed values still imports."""

    def create_dataset(self, in_stream):
        workbook = openpyxl.load_workbook(BytesIO(in_stream), read_only=True, data_only=True)
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        dataset = tablib.Dataset()
        dataset.headers = list(next(rows, ()))
        width = len(dataset.headers)
        for row in rows:
            dataset.append((list(row) + [None] * width)[:width])
        return dataset


class SpreadsheetAdminMixin:
    """Put before ImportExportMixin or ExportMixin. `file_name` is the files' name in the admin's
    language, e.g. pgettext_lazy("file name", "partners")."""

    file_name = None
    export_form_class = ReadableExportForm
    import_template_name = "admin/spreadsheets/import.html"

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    @property
    def import_formats(self):
        return [FirstSheetXLSX if f is base_formats.XLSX else f for f in super().import_formats]

    def get_export_filename(self, request, queryset, file_format):
        return f"{self.file_name}-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"

    def _do_file_export(self, file_format, request, queryset, export_form=None):
        response = super()._do_file_export(file_format, request, queryset, export_form)
        # import-export writes filename="..." as it is; a Cyrillic or Uzbek name needs RFC 5987
        # (filename*=utf-8''...), which Django's helper writes.
        name = self.get_export_filename(request, queryset, file_format)
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response

    # The import template -------------------------------------------------------------------

    def get_urls(self):
        if not hasattr(self, "import_action"):
            return super().get_urls()
        template = path(
            "import/template/",
            self.admin_site.admin_view(self.import_template_view),
            name=self._import_template_url_name(),
        )
        return [template, *super().get_urls()]

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["template_url"] = reverse(f"admin:{self._import_template_url_name()}")
        return context

    def _import_template_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_import_template"

    def import_template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource_class = self.get_import_resource_classes(request)[0]
        resource = resource_class(**self.get_import_resource_kwargs(request))
        response = HttpResponse(
            import_template(resource), content_type=base_formats.XLSX.CONTENT_TYPE
        )
        template = pgettext("file name", "template")
        name = f"{self.file_name}-{template}.xlsx"
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response
