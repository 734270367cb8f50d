"""What locations plugs into Wagtail: the appointment requests' admin and permission
policy, the clinic manager's dashboard panel, and the clinics a condition page lists
(the hook conditions defines, so that conditions never imports locations)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from conditions.models import CLINICS_HOOK
from locations.appointments.admin import (
    EXPORT_ACTION,
    AppointmentRequestPermissionPolicy,
    AppointmentRequestViewSet,
)
from locations.appointments.models import AppointmentRequest
from locations.dashboard import YourClinicPanel, clinics_of_manager
from locations.models import clinics_treating

register_permission_policy(
    AppointmentRequest, AppointmentRequestPermissionPolicy(AppointmentRequest)
)


@hooks.register("register_log_actions")
def register_export_action(actions):
    actions.register_action(EXPORT_ACTION, _("Export"), _("Exported"))


appointment_request_viewset = AppointmentRequestViewSet()


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return appointment_request_viewset


@hooks.register("construct_homepage_panels")
def add_your_clinic_panel(request, panels):
    clinics = list(clinics_of_manager(request.user))
    if clinics:
        panels.insert(0, YourClinicPanel(clinics))


@hooks.register(CLINICS_HOOK)
def clinics_for_condition(condition):
    return [
        (clinic, clinic.appointment_url(condition=condition))
        for clinic in clinics_treating(condition)
    ]
