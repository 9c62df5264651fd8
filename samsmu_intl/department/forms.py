from django import forms
from django.utils.translation import gettext_lazy as _

from samsmu_intl.content.forms import CountrySelect, VisitorForm, consent_field
from samsmu_intl.department.models import Inquiry


class InquiryForm(VisitorForm):
    consent = consent_field(
        _(
            "I agree that the department stores these details to answer my question, and deletes "
            "them when they are no longer needed."
        ),
        _("Without your consent we cannot keep your question."),
    )

    class Meta:
        model = Inquiry
        fields = ["name", "email", "country", "topic", "message", "consent"]
        labels = {"name": _("Full name"), "message": _("Your question")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 200}),
            "country": CountrySelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }
