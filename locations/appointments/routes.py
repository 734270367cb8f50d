"""The clinic page's appointment routes, mixed into LocationPage: the page model
imports this mixin, and nothing here imports the page model."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from locations.appointments.views import appointment_thanks_view, appointment_view


class AppointmentRoutes(RoutablePageMixin):
    @path("appointment/")
    def appointment(self, request):
        return appointment_view(request, self)

    @path("appointment/thanks/")
    def appointment_thanks(self, request):
        return appointment_thanks_view(request, self)

    def appointment_url(self, condition=None):
        """Where a patient requests an appointment at this clinic, optionally with a
        condition page preselected as the reason."""
        url = self.url + "appointment/"
        return f"{url}?condition={condition.pk}" if condition is not None else url
