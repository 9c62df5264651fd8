from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Registration


class RegistrationForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the department stores these details to organise this event and to "
            "write to me about it."
        ),
        error_messages={"required": _("Without your consent we cannot register you.")},
    )
    # A field people never see: a form that fills it was filled by a robot.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

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
            "email": forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
            "affiliation": forms.TextInput(
                attrs={"autocomplete": "organization", "maxlength": 200}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        for name in ("name", "affiliation"):
            self.fields[name].strip = True

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_name(self):
        name = self.cleaned_data["name"]
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError(_("The name contains characters that cannot be used."))
        return name
