"""The appointment request form. Every field is checked on the server; errors are
shown next to their fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import phone
from cms.typed_text import TypedTextField, without_bidi_controls
from locations.appointments.models import AppointmentRequest

OTHER = "other"
SELF_PAY = "self-pay"
NOT_SURE = "not-sure"


class AppointmentRequestForm(forms.Form):
    # What the patient typed, minus bidirectional controls (cms/typed_text.py).
    name = TypedTextField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        help_text=_("A US number with area code, for example (212) 555-0101."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=AppointmentRequest.ContactMethod.choices,
        initial=AppointmentRequest.ContactMethod.PHONE,
        widget=forms.RadioSelect,
    )
    preferred_times = forms.MultipleChoiceField(
        label=_("When is a good time? (optional)"),
        choices=AppointmentRequest.PreferredTime.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.ChoiceField(label=_("Reason for your visit"))
    reason_other = TypedTextField(
        label=_("If other, tell us briefly (optional)"),
        max_length=300,
        required=False,
        help_text=_("Please do not include detailed medical history."),
    )
    insurance = forms.ChoiceField(label=_("Insurance"))
    insurance_other = TypedTextField(
        label=_("If other, which plan? (optional)"), max_length=120, required=False
    )
    patient_status = forms.ChoiceField(
        label=_("Have you been to this clinic before?"),
        choices=AppointmentRequest.PatientStatus.choices,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the clinic may store this request and contact me about an appointment."
        ),
        error_messages={"required": _("Please agree so that we can contact you.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, location, conditions=(), insurances=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.location = location
        self.conditions = {str(c.pk): c for c in conditions}
        self.insurances = {str(i.pk): i for i in insurances}
        self.fields["reason"].choices = [
            ("", _("Choose one")),
            *[(pk, c.title) for pk, c in self.conditions.items()],
            (OTHER, _("Something else")),
        ]
        self.fields["insurance"].choices = [
            ("", _("Choose one")),
            *[(pk, i.name) for pk, i in self.insurances.items()],
            (OTHER, _("Another plan")),
            (SELF_PAY, _("No insurance / paying myself")),
            (NOT_SURE, _("Not sure")),
        ]

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please tell us your name."))
        return name

    def clean_email(self):
        # Valid with them (a domain may be any Unicode), misleading to read.
        return without_bidi_controls(self.cleaned_data["email"])

    def clean_phone(self):
        normalized = phone.normalize_phone(self.cleaned_data["phone"])
        if normalized is None:
            raise forms.ValidationError(
                _("Enter a US phone number with area code, for example (212) 555-0101.")
            )
        return normalized

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_method") == "email" and not cleaned.get("email"):
            self.add_error("email", _("Enter your email address, or choose another way."))
        missing = "reason_other" not in self.errors and not cleaned.get("reason_other")
        if cleaned.get("reason") == OTHER and missing:
            self.add_error("reason_other", _("Tell us briefly why you would like to come in."))
        return cleaned

    def save(self, request):
        data = self.cleaned_data
        condition = self.conditions.get(data["reason"])
        insurance = self.insurances.get(data["insurance"])
        insurance_other = ""
        if insurance is None:
            insurance_other = {
                OTHER: data["insurance_other"].strip() or str(_("Another plan")),
                SELF_PAY: str(_("No insurance / paying myself")),
                NOT_SURE: str(_("Not sure")),
            }[data["insurance"]]
        return AppointmentRequest.objects.create(
            location=self.location,
            clinic_name=self.location.title,
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            contact_method=data["contact_method"],
            preferred_times=", ".join(data["preferred_times"]),
            condition=condition,
            reason_other="" if condition else data["reason_other"].strip(),
            insurance=insurance,
            insurance_other=insurance_other,
            patient_status=data["patient_status"],
            consent_at=timezone.now(),
            language=getattr(request, "LANGUAGE_CODE", "")[:12],
        )
