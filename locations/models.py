from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class LocationIndexPage(Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = LocationPage.objects.child_of(self).live().public().order_by("title")
        return context


class LocationPage(Page):
    street_address = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=32, blank=True)

    content_panels = Page.content_panels + [FieldPanel("street_address"), FieldPanel("phone")]
    search_fields = Page.search_fields + [index.SearchField("street_address")]
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    def appointment_url(self, condition=None):
        """Where a patient requests an appointment at this clinic, optionally with a
        condition page preselected as the reason."""
        url = self.url + "appointment/"
        return f"{url}?condition={condition.pk}" if condition is not None else url


def clinics_treating(condition):
    """Live clinics in the condition page's language that treat it (every clinic
    until clinics say which conditions they treat)."""
    return (
        LocationPage.objects.live().public().filter(locale_id=condition.locale_id).order_by("title")
    )
