from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Registration
from samsmu_intl.content.forms import CountrySelect, VisitorForm, consent_field


class RegistrationForm(VisitorForm):
    consent = consent_field(
        _(
            "I agree that the department stores these details to organise this event and to "
            "write to me about it."
        ),
        _("Without your consent we cannot register you."),
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "affiliation", "country", "consent"]
        labels = {
            "name": _("Full name"),
            "email": _("Email"),
            "affiliation": _("University or organisation"),
            "country": _("Country"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 200}),
            "country": CountrySelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
            "affiliation": forms.TextInput(
                attrs={"autocomplete": "organization", "maxlength": 200}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "affiliation"):
            self.fields[name].strip = True

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError(_("The name contains characters that cannot be used."))
        return name
