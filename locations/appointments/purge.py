"""Forgetting patients after the retention period (manage.py purge_appointment_requests).

A request leaves traces beside its own row: Wagtail's audit log keeps an entry for each
export, edit and deletion, and entries written before request labels stopped naming the
patient read "clinic: patient name (date)". The requests go; the audit trail stays (who
exported or changed which request, and when) with a label and data that name nobody.
Nothing else holds a request: the clinic's email names no patient, the retry state is
the request's own `notified_at`, exports are streamed to the browser and never written
on the server, and the logs the project writes name requests by number only."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from wagtail.models import ModelLogEntry

from locations.appointments.admin import EXPORT_ACTION
from locations.appointments.models import AppointmentRequest

FORGOTTEN = "Appointment request "


def purge_requests_before(cutoff):
    """Delete the requests that arrived before `cutoff` and strip every audit-log entry
    of a request that no longer exists. Returns the number of requests deleted."""
    _total, per_model = AppointmentRequest.objects.filter(created_at__lt=cutoff).delete()
    forget_deleted_requests_in_audit_log()
    return per_model.get(AppointmentRequest._meta.label, 0)


def forget_deleted_requests_in_audit_log():
    content_type = ContentType.objects.get_for_model(AppointmentRequest)
    remaining = AppointmentRequest.objects.annotate(
        key=Cast("pk", output_field=CharField())
    ).values("key")
    gone = (
        ModelLogEntry.objects.filter(content_type=content_type)
        .exclude(object_id__in=remaining)
        .exclude(label__startswith=FORGOTTEN)  # done on an earlier day
    )
    # An export's data is the format it was exported in; anything else may quote
    # fields. Data first: the label update takes the rows out of `gone`.
    gone.exclude(action=EXPORT_ACTION).update(data={})
    gone.update(label=Concat(Value(FORGOTTEN), "object_id"))
