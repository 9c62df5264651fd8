from django import forms
from django.utils.translation import gettext_lazy as _

from samsmu_intl.department.models import Inquiry


class InquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the department stores these details to answer my question, and deletes "
            "them when they are no longer needed."
        ),
        error_messages={"required": _("Without your consent we cannot keep your question.")},
    )
    # A field people never see: a form that fills it was filled by a robot.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    class Meta:
        model = Inquiry
        fields = ["name", "email", "country", "topic", "message", "consent"]
        labels = {"name": _("Full name"), "message": _("Your question")}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 200}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
