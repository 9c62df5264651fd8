"""The import template: an XLSX workbook with the columns of an import, one example row, and a
second sheet listing the allowed values of each column that has them. Single-choice columns
offer those values as a drop-down list, and every header says in a note whether it is required
and what it takes."""

import io

import openpyxl
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from samsmu_intl.spreadsheets.cells import SEPARATOR, CountryWidget, LabelWidget, NamesWidget

NOTE_AUTHOR = "SamSMU"
COLUMN_WIDTH = 24


def _example_cell(field, value):
    if value in (None, ""):
        return ""
    if isinstance(field.widget, NamesWidget):
        return field.widget.render_keys(value)
    if isinstance(field.widget, LabelWidget | CountryWidget):
        return field.widget.render(value)
    return value


def _note(resource, name, field):
    """What the header's note says: required or not, the model field's help, the values."""
    parts = []
    model_field = resource._meta.model._meta.get_field(name)
    required = name in resource.required_in_main_language() or (
        not model_field.blank and not model_field.has_default()
    )
    parts.append(_("Required.") if required else _("May be left empty."))
    if model_field.help_text:
        parts.append(str(model_field.help_text))
    if isinstance(field.widget, NamesWidget):
        parts.append(
            _("Any of the values on the sheet “%(sheet)s”, separated by “%(separator)s”.")
            % {"sheet": allowed_values_title(), "separator": SEPARATOR.strip()}
        )
    elif hasattr(field.widget, "allowed_values"):
        parts.append(
            _("One of the values on the sheet “%(sheet)s”.") % {"sheet": allowed_values_title()}
        )
    return " ".join(parts)


def allowed_values_title():
    # Sheet names are at most 31 characters long.
    return _("Allowed values")[:31]


def import_template(resource):
    """The workbook's bytes for `resource` (an instance, in the active language)."""
    model = resource._meta.model
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = str(capfirst(model._meta.verbose_name_plural))[:31]
    allowed = workbook.create_sheet(allowed_values_title())
    bold = Font(bold=True)

    names = [resource.get_field_name(field) for field in resource.get_import_fields()]
    for column, name in enumerate(names, start=1):
        field = resource.fields[name]
        header = sheet.cell(row=1, column=column, value=field.column_name)
        header.font = bold
        header.comment = Comment(_note(resource, name, field), NOTE_AUTHOR, width=320, height=140)
        sheet.cell(row=2, column=column, value=_example_cell(field, resource.example.get(name)))
        sheet.column_dimensions[get_column_letter(column)].width = COLUMN_WIDTH

    key = resource.get_import_id_fields()[0]
    example_note = _(
        "An example: a row with this value in the column “%(column)s” is never imported. "
        "Write over it, or add your rows below it."
    ) % {"column": resource.fields[key].column_name}
    example = sheet.cell(row=2, column=names.index(key) + 1)
    example.comment = Comment(example_note, NOTE_AUTHOR, width=320, height=100)
    sheet.freeze_panes = "A2"

    allowed_column = 0
    for column, name in enumerate(names, start=1):
        field = resource.fields[name]
        if not hasattr(field.widget, "allowed_values"):
            continue
        allowed_column += 1
        values = field.widget.allowed_values()
        allowed.cell(row=1, column=allowed_column, value=field.column_name).font = bold
        for row, value in enumerate(values, start=2):
            allowed.cell(row=row, column=allowed_column, value=value)
        letter = get_column_letter(allowed_column)
        allowed.column_dimensions[letter].width = COLUMN_WIDTH
        if isinstance(field.widget, NamesWidget) or not values:
            continue  # several values in one cell: no drop-down list
        choice = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(allowed.title)}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            error=_("Choose one of the allowed values."),
        )
        sheet.add_data_validation(choice)
        choice.add(f"{get_column_letter(column)}2:{get_column_letter(column)}1000")
    allowed.freeze_panes = "A2"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
