"""Appointment requests in the admin: listed, opened, exported (each export in the
audit log) and updated only by those allowed to see them (permissions.py). Nobody
adds one there; they come from patients. Registered in locations/wagtail_hooks.py."""

from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from cms.phone import format_phone
from locations.appointments.models import AppointmentRequest
from locations.appointments.permissions import requests_visible_to


class AppointmentRequestPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except that nobody adds requests in the admin
    (they come from patients) and instances follow requests_visible_to."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and requests_visible_to(user).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return requests_visible_to(user)


class VisibleRequestsMixin:
    def get_object(self, queryset=None):
        obj = super().get_object(queryset) if queryset is not None else super().get_object()
        if not requests_visible_to(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


EXPORT_ACTION = "locations.export_request"


class RequestIndexView(generic.IndexView):
    # The phone as staff read and dial it, (212) 555-0101: a bare +12125550101 would
    # start like a formula (cms/security/spreadsheets.py would prefix an apostrophe) and
    # Excel would show it as the number 1.21E+10.
    custom_field_preprocess = {
        "phone": {fmt: format_phone for fmt in generic.IndexView.FORMATS},
    }

    def get_base_queryset(self):
        return requests_visible_to(self.request.user).select_related("location")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Exports hold patients' details: each exported request is written to the
        audit log with who exported it and in which format."""
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        for appointment_request in queryset:
            log(
                instance=appointment_request,
                action=EXPORT_ACTION,
                user=self.request.user,
                data={"format": spreadsheet_format},
            )
        return response


class RequestInspectView(VisibleRequestsMixin, generic.InspectView):
    pass


class RequestEditView(VisibleRequestsMixin, generic.EditView):
    pass


class RequestDeleteView(VisibleRequestsMixin, generic.DeleteView):
    pass


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    name = "appointment_requests"
    icon = "mail"
    menu_label = "Appointment requests"
    add_to_admin_menu = True
    menu_order = 250
    index_view_class = RequestIndexView
    inspect_view_class = RequestInspectView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    inspect_view_enabled = True
    list_display = ["clinic_name", "created_at", "status", "contact_method", "patient_status"]
    list_filter = ["status", "clinic_name"]
    list_export = [
        "created_at",
        "clinic_name",
        "name",
        "phone",
        "email",
        "contact_method",
        "preferred_times",
        "patient_status",
        "status",
    ]
    export_filename = "appointment-requests"
    search_fields = None
    inspect_view_fields = [
        "clinic_name",
        "created_at",
        "name",
        "phone",
        "email",
        "contact_method",
        "preferred_times",
        "condition",
        "reason_other",
        "insurance",
        "insurance_other",
        "patient_status",
        "consent_at",
        "language",
        "status",
        "staff_notes",
        "notified_at",
    ]
    # Staff only track what happened; what the patient sent stays as sent.
    panels = [FieldPanel("status"), FieldPanel("staff_notes")]
    copy_view_enabled = False
