"""The patients' appointment requests. The model keeps the app label `locations` and
its table (locations/models.py imports it, so Django registers it there)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.phone import format_phone
from cms.time import new_york_time


class AppointmentRequest(models.Model):
    """A patient's request for an appointment. Saved before anything else happens;
    visible only to the clinic's staff and administrators (see permissions.py)."""

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class PatientStatus(models.TextChoices):
        NEW = "new", _("New patient")
        RETURNING = "returning", _("Returning patient")

    class PreferredTime(models.TextChoices):
        WEEKDAY_MORNINGS = "weekday-mornings", _("Weekday mornings")
        WEEKDAY_AFTERNOONS = "weekday-afternoons", _("Weekday afternoons")
        WEEKDAY_EVENINGS = "weekday-evenings", _("Weekday evenings")
        SATURDAYS = "saturdays", _("Saturdays")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SCHEDULED = "scheduled", _("Scheduled")
        CLOSED = "closed", _("Closed")

    location = models.ForeignKey(
        "locations.LocationPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="appointment_requests",
    )
    clinic_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=16)
    email = models.EmailField(blank=True)
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    preferred_times = models.CharField(max_length=120, blank=True)
    condition = models.ForeignKey(
        "conditions.ConditionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason_other = models.CharField("other reason", max_length=300, blank=True)
    insurance = models.ForeignKey(
        "locations.Insurance", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    insurance_other = models.CharField(max_length=120, blank=True)
    patient_status = models.CharField(max_length=10, choices=PatientStatus.choices)
    consent_at = models.DateTimeField()
    language = models.CharField(max_length=12, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "locations"
        ordering = ["-created_at"]
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")

    def __str__(self):
        # No patient details: this is also the label of every audit-log entry about the
        # request (exports, edits, deletion), which outlives the request itself.
        return f"{self.clinic_name}: request {self.pk or 'new'} ({self.created_at:%Y-%m-%d %H:%M})"

    # Wagtail's listing and detail views show get_<field>_display() when there is one.
    def get_created_at_display(self):
        return new_york_time(self.created_at)

    def get_consent_at_display(self):
        return new_york_time(self.consent_at)

    def get_notified_at_display(self):
        return new_york_time(self.notified_at)

    def get_preferred_times_display(self):
        """The patient's choices (stored as "weekday-mornings, saturdays") by their
        labels in the reader's language."""
        labels = dict(self.PreferredTime.choices)
        chosen = [value.strip() for value in self.preferred_times.split(",") if value.strip()]
        return ", ".join(str(labels.get(value, value)) for value in chosen)

    @property
    def phone_display(self):
        return format_phone(self.phone)

    @property
    def reason(self):
        return self.condition.title if self.condition_id else self.reason_other

    @property
    def insurance_display(self):
        return self.insurance.name if self.insurance_id else self.insurance_other

    def get_admin_url(self):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "appointment_requests:inspect", args=[self.pk]
        )
