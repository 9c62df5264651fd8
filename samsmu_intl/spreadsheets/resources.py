"""ReadableResource: a django-import-export ModelResource whose files a person reads and fills
in. Its columns are named after the model fields' verbose names in the staff member's language
("Nomi (Oʻzbekcha)", "Название (Русский)") and their values are labels (cells.py).

An import takes the headers in any of the three languages, or the fields' own names (the files
of earlier exports), so a file passes between colleagues who read the admin in different
languages and comes back in unchanged. A column it does not know stops the import rather than
being dropped in silence, and so does an empty text in the site's main language where the
model requires one (the other languages fall back to it on the site)."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField
from import_export import resources, widgets
from import_export.results import InvalidRow, Result
from modeltranslation.translator import NotRegistered, translator

from samsmu_intl.spreadsheets.cells import (
    LANGUAGES,
    CountryWidget,
    LabelWidget,
    LocalTimeWidget,
    NamesWidget,
    YesNoWidget,
    listing,
    normalised,
)

MAIN_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# Data row 1 is the spreadsheet's row 2: the headers are row 1.
HEADER_ROWS = 1


class ImportRefused(ValueError):
    """The file as a whole cannot be imported (a column missing or unknown)."""


def readable_widget(model_field):
    """The widget that writes and reads this model field's values as labels, if it needs one."""
    required = not model_field.blank and not model_field.has_default()
    if isinstance(model_field, CountryField):
        return CountryWidget(required=required)
    if model_field.choices:
        return LabelWidget(model_field.choices, required=required)
    if isinstance(model_field, models.BooleanField):
        return YesNoWidget()
    if isinstance(model_field, models.DateTimeField):
        return LocalTimeWidget()
    if isinstance(model_field, models.ManyToManyField):
        return NamesWidget(model_field.related_model)
    return None


class ReadableResult(Result):
    """An import's result with the spreadsheet's own row numbers."""

    def append_invalid_row(self, number, row, validation_error):
        # The row's cells as the file has them, a column it lacks empty (the library: "---").
        values = tuple(row.get(header, "") for header in self.diff_headers)
        invalid = InvalidRow(number=number, validation_error=validation_error, values=values)
        invalid.sheet_row = number + HEADER_ROWS
        self.invalid_rows.append(invalid)

    def append_error_row(self, number, row, errors):
        super().append_error_row(number, row, errors)
        self.error_rows[-1].sheet_row = number + HEADER_ROWS

    @property
    def stopping_rows(self):
        """The rows to correct before anything is imported, as the spreadsheet numbers them."""
        return sorted({row.sheet_row for row in (*self.invalid_rows, *self.error_rows)})

    @property
    def stopping_rows_text(self):
        return ", ".join(str(number) for number in self.stopping_rows)

    @property
    def ready_rows(self):
        """The rows that would be imported, the blank ones left out."""
        return [row for row in self.valid_rows() if not getattr(row, "is_blank", False)]


class ReadableResource(resources.ModelResource):
    # {field name: value as stored} of the template's example row; a row with the example's
    # import id is skipped, so a template filled in below its example imports as it is.
    example = {}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for name, field in self.fields.items():
            field.column_name = self.header(name)

    @classmethod
    def get_result_class(cls):
        return ReadableResult

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        field = super().field_from_django_field(field_name, django_field, readonly)
        field.widget = readable_widget(django_field) or field.widget
        return field

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        # A registrant named "=HYPERLINK(...)" would be a live formula in the staff member's
        # spreadsheet: such a text is written as text, as a spreadsheet's own leading ' does.
        if isinstance(value, str) and value.startswith("="):
            return f"'{value}"
        return value

    # Headers -------------------------------------------------------------------------------

    @classmethod
    def header(cls, name):
        """The column of field `name` in the active language: its model field's verbose name,
        with the language for a translated field."""
        model = cls._meta.model
        try:
            model_field = model._meta.get_field(name.split("__")[0])
        except FieldDoesNotExist:
            return name
        translated = getattr(model_field, "translated_field", None)
        if translated is not None:  # modeltranslation's name_uz, name_ru, ...
            language = settings.LANGUAGE_AUTONYMS[model_field.language]
            return f"{capfirst(translated.verbose_name)} ({language})"
        return str(capfirst(model_field.verbose_name))

    @classmethod
    def field_names_by_header(cls):
        """{normalised header in any language, or field name: field name}."""
        names = {normalised(name): name for name in cls.fields}
        for code in LANGUAGES:
            with translation.override(code):
                names.update((normalised(cls.header(name)), name) for name in cls.fields)
        return names

    def before_import(self, dataset, **kwargs):
        """Names the file's columns as this import does, whatever language they are in."""
        names = self.field_names_by_header()
        headers, unknown, repeated = [], [], []
        for header in dataset.headers or []:
            if not normalised(header):
                headers.append("")
                continue
            name = names.get(normalised(header))
            if name is None:
                unknown.append(header)
                headers.append(str(header))
                continue
            column = self.fields[name].column_name
            if column in headers:
                repeated.append(header)
            headers.append(column)
        if unknown:
            raise ImportRefused(
                ngettext(
                    "This import has no column %(columns)s: name it as in the template, or "
                    "delete it.",
                    "This import has no columns %(columns)s: name them as in the template, or "
                    "delete them.",
                    len(unknown),
                )
                % {"columns": listing(unknown)}
            )
        if repeated:
            raise ImportRefused(
                _("These columns are in the file twice: %(columns)s.")
                % {"columns": listing(repeated)}
            )
        for name in self.get_import_id_fields():
            if self.fields[name].column_name not in headers:
                raise ImportRefused(
                    _("The file has no column “%(column)s”: each row needs it.")
                    % {"column": self.fields[name].column_name}
                )
        dataset.headers = headers

    # Rows ----------------------------------------------------------------------------------

    def is_blank(self, row):
        return not any(normalised(value) for value in row.values())

    def is_example(self, row):
        return bool(self.example) and all(
            normalised(row.get(self.fields[name].column_name)) == normalised(self.example.get(name))
            for name in self.get_import_id_fields()
        )

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self.is_blank(row) or self.is_example(row):
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        row_result.sheet_row = kwargs["row_number"] + HEADER_ROWS
        row_result.is_blank = self.is_blank(row)
        row_result.is_example = self.is_example(row)

    def import_instance(self, instance, row, **kwargs):
        simple = [
            field.attribute
            for field in self.get_import_fields()
            if not isinstance(field.widget, widgets.ManyToManyWidget)
            and "__" not in field.attribute
        ]
        before = {attribute: getattr(instance, attribute) for attribute in simple}
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # An empty cell leaves a text that was never written (NULL, as modeltranslation keeps
        # untranslated fields) as it was: an unchanged file is then seen as unchanged.
        for attribute, value in before.items():
            if value is None and getattr(instance, attribute) == "":
                setattr(instance, attribute, None)
        # Related items are saved after validation; check their names now, with the rest.
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for name in self.required_in_main_language():
            if not normalised(getattr(instance, name)) and name not in errors:
                errors[name] = ValidationError(
                    _("Required in %(language)s, the site’s main language.")
                    % {"language": settings.LANGUAGE_AUTONYMS[MAIN_LANGUAGE]},
                    code="required",
                )
        try:
            super().validate_instance(instance, errors, validate_unique)
        except ValidationError as error:
            # Said by column, as the file names them, not by model field.
            raise ValidationError(
                {self.column_of(key): messages for key, messages in error.error_dict.items()}
            ) from None

    def column_of(self, attribute):
        if attribute == NON_FIELD_ERRORS:
            return attribute
        for field in self.fields.values():
            if field.attribute == attribute:
                return field.column_name
        return self.header(attribute)

    def required_in_main_language(self):
        """The main language's fields of the translated texts the model requires."""
        model = self._meta.model
        try:
            options = translator.get_options_for_model(model)
        except NotRegistered:
            return []
        return [
            f"{name}_{MAIN_LANGUAGE}"
            for name in options.all_fields
            if not model._meta.get_field(name).blank
        ]
