"""Which clinics treat a condition: what a condition page lists under "Our Locations".
conditions asks through its CLINICS_HOOK (registered in wagtail_hooks.py), so the
dependency runs from locations to conditions only."""

from cms.caching.page_cache import cached_data
from cms.caching.routing import public
from locations.caching import CLINIC_CONDITIONS
from locations.models import LocationCondition, LocationPage

# What a clinic card on a condition page shows and links to.
CARD_FIELDS = ["id", "title", "street_address", "phone", "url_path", "path", "depth", "locale_id"]
CARD_FIELDS.append("translation_key")  # what a condition page's cached links depend on


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


def clinic_cards(condition):
    """(clinic, its appointment URL with the condition preselected) pairs."""
    return [
        (clinic, clinic.appointment_url(condition=condition))
        for clinic in clinics_treating(condition)
    ]
