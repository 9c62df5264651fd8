"""What the public forms (contact, event registration) share: a trap field for robots, the
consent box, and a country list that renders quickly."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def option_tags(choices):
    """`<option>`s for (value, text, selected) triples, written in one pass: Django's widgets
    and format_html are slow at the hundreds of options of a country list."""
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if selected else ""}>'
            f"{escape(str(text))}</option>"
            for value, text, selected in choices
        )
    )


class CountrySelect(forms.Select):
    """A select of the 250 countries. Django renders every <option> through a template include
    of its own, which made a form with one country list cost over 20 ms to render; the options
    are plain text and a value, so they are written here in one pass."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(name)}"{flatatt(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{escape(str(group_name))}">')
            parts.append(option_tags((o["value"], o["label"], o["selected"]) for o in options))
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))


def consent_field(label, refused):
    """The box a visitor ticks to let us keep what they sent; `refused` says what happens
    without it."""
    return forms.BooleanField(required=True, label=label, error_messages={"required": refused})


class VisitorForm(forms.ModelForm):
    """Base of the forms visitors fill in."""

    # A field people never see: a form that fills it was filled by a robot.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    # Django's blank choice is a row of dashes; a visitor is told what to choose instead.
    blank_choice_labels = {"country": _("Choose a country"), "topic": _("Choose a topic")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for name, label in self.blank_choice_labels.items():
            if name in self.fields:
                field = self.fields[name]
                field.choices = [("", label), *((v, text) for v, text in field.choices if v)]

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
