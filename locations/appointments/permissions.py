"""Who may see appointment requests. Patients' requests are health information:
only administrators and the clinic's own staff see them.

A user sees a clinic's requests when they are a superuser, or when they hold the
model permission "locations.view_appointmentrequest" (given to a group such as
"Location managers") AND may edit that clinic's page (a Wagtail page permission on
the clinic page, or on an ancestor). The editorial-roles work plugs per-clinic
groups in by granting those two permissions; everything that lists or opens
requests goes through `requests_visible_to`."""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from locations.appointments.models import AppointmentRequest
from locations.models import LocationPage

VIEW_PERMISSION = "locations.view_appointmentrequest"


def clinics_managed_by(user):
    """LocationPage ids whose page the user may edit."""
    if not user.is_active:
        return LocationPage.objects.none().values("pk")
    pages = PagePermissionPolicy(Page).instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return LocationPage.objects.filter(pk__in=pages.values("pk")).values("pk")


def requests_visible_to(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return AppointmentRequest.objects.none()
    if user.is_superuser:
        return AppointmentRequest.objects.all()
    if not user.has_perm(VIEW_PERMISSION):
        return AppointmentRequest.objects.none()
    return AppointmentRequest.objects.filter(location__in=clinics_managed_by(user))
