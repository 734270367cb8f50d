"""What a change to clinic pages touches in the page and data caches
(cms/caching/dependencies.py). Imported from LocationsConfig.ready() only."""

from wagtail.models import Page

from cms.caching.dependencies import on_change, page_reads, page_tag
from locations.finder import LOCATIONS
from locations.models import LocationCondition, LocationIndexPage, LocationPage
from locations.treating import CLINIC_CONDITIONS


def _condition_tags(condition_ids):
    keys = Page.objects.filter(pk__in=condition_ids).values_list("translation_key", flat=True)
    return {page_tag(key) for key in keys}


def _clinic_touches(clinic, event):
    """The location index and finder list every clinic; the pages of the conditions it
    treats list it with its address and phone, in every language."""
    treated = LocationCondition.objects.filter(page_id=clinic.pk).values("condition_id")
    return {LOCATIONS} | _condition_tags(treated)


def _treated_row_touches(row, event):
    """A clinic starts or stops treating a condition: that condition's pages list it."""
    tags = _condition_tags([row.condition_id])
    if event != "saved":
        tags.add(CLINIC_CONDITIONS)
    return tags


def connect():
    # The footer groups clinics by borough; clinic pages place their neighbours by
    # their coordinates: both are part of what every page sees of the tree.
    on_change(LocationPage, _clinic_touches, tree_fields=("borough", "latitude", "longitude"))
    on_change(LocationCondition, _treated_row_touches)
    page_reads(LocationIndexPage, LOCATIONS)
    # Hours, team, insurance and conditions come from data it records (prefetch_for_render).
    page_reads(LocationPage)
