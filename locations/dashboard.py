"""The clinic manager's dashboard panel "Your clinic": view live, edit, today's
hours, upcoming closures and new appointment requests, for each clinic the user
manages (a "Location managers: …" group; administrators and editors don't get it)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Locale

from cms.editorial.roles import LOCATION_MANAGERS_PREFIX
from locations.hours import NEW_YORK
from locations.models import AppointmentRequest, LocationPage

UPCOMING_DAYS = 60


def clinics_of_manager(user):
    if not user.is_authenticated or user.is_superuser:
        return LocationPage.objects.none()
    groups = user.groups.filter(name__startswith=LOCATION_MANAGERS_PREFIX)
    pages = GroupPagePermission.objects.filter(group__in=groups).values("page_id")
    return LocationPage.objects.filter(pk__in=pages, locale=Locale.get_default()).order_by("title")


class YourClinicPanel(Component):
    name = "your_clinic"
    order = 10  # first on a manager's dashboard
    template_name = "locations/admin/your_clinic_panel.html"

    def __init__(self, clinics):
        self.clinics = clinics

    def get_context_data(self, parent_context):
        today = timezone.now().astimezone(NEW_YORK).date()
        requests_url = reverse("appointment_requests:index")
        rows = []
        for clinic in self.clinics:
            schedule = clinic.schedule
            rows.append(
                {
                    "clinic": clinic,
                    "heading": _("Your clinic: %(clinic)s") % {"clinic": clinic.title},
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[clinic.pk]),
                    "today": schedule.intervals_on(today),
                    "today_exception": schedule.exceptions.get(today),
                    "upcoming": schedule.upcoming_exceptions(today, UPCOMING_DAYS),
                    # Every language's page: a request from /es/… is stored against
                    # the Spanish page of the clinic.
                    "new_requests": AppointmentRequest.objects.filter(
                        location__translation_key=clinic.translation_key,
                        status=AppointmentRequest.Status.NEW,
                    ).count(),
                    "requests_url": requests_url,
                }
            )
        return {"rows": rows, "today": today}
