"""The clinic finder on the location index: every clinic by borough, or the nearest
first for a ZIP code, each with whether it is open now."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.caching.page_cache import cached_data
from cms.seo.jsonld import breadcrumb_list
from locations import geo
from locations.hours import hours_data, status_messages, status_text

FAR_MILES = 50
MAX_ECHO = 20


def finder_context(request, index_page):
    now = timezone.now()
    # The clinics with their hours (three queries), kept for the content generation and
    # the day (the exceptions loaded are those around today).
    clinics = cached_data(
        request,
        f"finder-clinics:{index_page.pk}:{timezone.localdate(now).isoformat()}",
        lambda: list(index_page.clinics()),
    )
    for clinic in clinics:
        clinic.current_status = status_text(clinic.status(now))
    zip_query, error, note, centre = _read_zip(request.GET.get("zip"))
    nearest = []
    if centre is not None:
        for clinic in clinics:
            clinic.distance = geo.miles_between(centre, clinic.coordinates)
        nearest = sorted(clinics, key=lambda clinic: (clinic.distance, clinic.title))
        if nearest and nearest[0].distance > FAR_MILES:
            note = _("ZIP code %(zip)s is far from New York City; our clinics are all in the city.")
            note %= {"zip": zip_query}
    groups = []
    for slug, name in geo.BOROUGHS:
        members = [clinic for clinic in clinics if clinic.borough == slug]
        if members:
            groups.append({"slug": slug, "name": name, "clinics": members})
    return {
        "clinics": clinics,
        "borough_groups": groups,
        "nearest": nearest,
        "zip_query": zip_query,
        "zip_error": error,
        "zip_note": note,
        "hours_messages": status_messages(),
        "clinic_hours": {
            str(clinic.pk): hours_data(clinic.schedule) for clinic in clinics if clinic.schedule
        },
        "breadcrumbs_json_ld": breadcrumb_list(index_page, request),
    }


def _read_zip(raw):
    """(the ZIP as echoed back, an error, a note, its centre or None) for ?zip=."""
    if raw is None or not raw.strip():
        return "", "", "", None
    zip_query = raw.strip()[:MAX_ECHO]
    if not geo.ZIP_RE.match(raw.strip()):
        error = _("“%(zip)s” is not a ZIP code. Enter five digits, for example 10001.")
        return zip_query, error % {"zip": zip_query}, "", None
    centre = geo.zip_centre(zip_query)
    if centre is None and geo.zip_is_known(zip_query):
        error = _("We cannot place ZIP code %(zip)s on the map. Here are all our clinics.")
        return zip_query, error % {"zip": zip_query}, "", None
    if centre is None:
        error = _("We do not know the ZIP code %(zip)s. Check it and try again.")
        return zip_query, error % {"zip": zip_query}, "", None
    return zip_query, "", "", centre
