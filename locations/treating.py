"""Which clinics treat a condition: what a condition page lists under "Our Locations".
conditions asks through its CLINICS_HOOK (registered in wagtail_hooks.py), so the
dependency runs from locations to conditions only.

Sized for a chain: a condition page shows a few of the clinics that treat it, spread
across the boroughs, and says how many there are; the location index's finder leads
to all of them. The cards are plain values (URLs worked out once), kept by the
condition page in the data cache with the clinics they show as dependencies."""

from dataclasses import dataclass

from cms.caching.dependencies import list_tag
from cms.caching.page_cache import cached_data
from cms.caching.routing import public
from locations import geo
from locations.models import LocationCondition, LocationPage

# What a clinic card on a condition page shows and links to.
# Whether any clinic says which conditions it treats (clinics_treating): touched when a
# clinic starts or stops treating one (locations/caching.py).
CLINIC_CONDITIONS = list_tag("clinic-conditions")
CARD_FIELDS = ["id", "title", "street_address", "phone", "url_path", "path", "depth", "locale_id"]
CARD_FIELDS.append("translation_key")  # what a condition page's cached links depend on
CARD_FIELDS.append("borough")  # the cards shown are spread across the boroughs


@dataclass
class ClinicLink:
    """A clinic as a condition page's "Our Locations" shows it. pk, locale_id,
    page_label and url are what the language fallback relinks (localization/fallback.py)."""

    pk: int
    locale_id: int
    page_label: str
    translation_key: str
    title: str
    url: str
    appointment_url: str  # with the condition preselected
    street_address: str
    phone: str
    phone_display: str


def clinics_treating(condition):
    """Live clinics in the condition page's language that treat it; every clinic
    until clinics say which conditions they treat, or when none lists this one (so a
    condition page's "Our Locations" is never empty). A clinic may list the condition
    in any language: a page and its translations share a translation_key."""
    clinics = public(LocationPage.objects.live()).filter(locale_id=condition.locale_id)
    clinics_list_conditions = cached_data(
        None,
        "clinics-list-conditions",
        lambda: LocationCondition.objects.filter(page__live=True).exists(),
        depends_on=(CLINIC_CONDITIONS,),
    )
    clinics = clinics.order_by("title").only(*CARD_FIELDS)
    if clinics_list_conditions:
        # One query when some clinic treats it; a second only for the fallback.
        treating = list(
            clinics.filter(
                treated_conditions__condition__translation_key=condition.translation_key
            ).distinct()
        )
        if treating:
            return treating
    return clinics


def spread_across_boroughs(clinics, limit):
    """At most `limit` of `clinics`: the first by name in each borough in turn (so
    every borough with a clinic is represented while room lasts), then by name."""
    by_borough = {slug: [] for slug, _name in geo.BOROUGHS}
    for clinic in sorted(clinics, key=lambda clinic: clinic.title.lower()):
        by_borough.setdefault(clinic.borough, []).append(clinic)
    queues = [queue for queue in by_borough.values() if queue]
    picked = []
    while queues and len(picked) < limit:
        for queue in queues:
            if len(picked) < limit:
                picked.append(queue.pop(0))
        queues = [queue for queue in queues if queue]
    return sorted(picked, key=lambda clinic: clinic.title.lower())


def clinic_link(clinic, condition, request=None):
    return ClinicLink(
        pk=clinic.pk,
        locale_id=clinic.locale_id,
        page_label=clinic._meta.label_lower,
        translation_key=str(clinic.translation_key),
        title=clinic.title,
        url=clinic.get_url(request),
        appointment_url=clinic.appointment_url(condition=condition, request=request),
        street_address=clinic.street_address,
        phone=clinic.phone,
        phone_display=clinic.phone_display,
    )


def clinic_cards(condition, request=None, limit=None):
    """(cards of at most `limit` clinics treating `condition`, how many treat it)."""
    clinics = list(clinics_treating(condition))
    shown = clinics if limit is None else spread_across_boroughs(clinics, limit)
    return [clinic_link(clinic, condition, request) for clinic in shown], len(clinics)
