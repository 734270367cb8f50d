"""Demo clinics across New York City (fictional addresses, 555-01xx phones)."""

from cms.demo import upsert_child_page
from locations.models import LocationIndexPage, LocationPage


def load(home):
    index = upsert_child_page(
        home,
        LocationIndexPage,
        "locations",
        title="Our locations",
        intro="Clinics across New York City, each a short walk from the subway.",
    )
    upsert_child_page(
        index,
        LocationPage,
        "midtown",
        title="Midtown Manhattan",
        street_address="350 West 38th Street",
        phone="(212) 555-0101",
    )
    return index
