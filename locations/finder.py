"""The clinic finder on the location index: every clinic by borough, or the nearest
first for a ZIP code, each with whether it is open now.

Built for a chain: what a clinic card shows (its URLs, address, phone, hours) is
worked out once for all clinics (`clinic_cards`: three queries and one lookup of the
site's root paths) and kept in the data cache for the content generation and the day;
each card's HTML is rendered then too, with holes for what a request fills in
(cms/caching/fragments.py: its link, which the language fallback may point elsewhere,
its distance and whether it is open). A request then only says which clinics are
open, once per distinct schedule (a chain's clinics mostly keep the same hours), and
sorts them for a ZIP code; the browser script gets each distinct schedule once."""

from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from types import SimpleNamespace

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.caching.dependencies import list_tag
from cms.caching.fragments import Holes, fill
from cms.caching.page_cache import cached_data
from cms.seo.jsonld import breadcrumb_list
from locations import geo
from locations.hours import Schedule, hours_data, status_messages, status_text

# The list of every clinic (the location index and finder): what a change to any clinic
# touches (locations/caching.py).
LOCATIONS = list_tag("locations")
FAR_MILES = 50
MAX_ECHO = 20
CARD_TEMPLATE = "locations/includes/clinic_card.html"
TENTH = Decimal("0.1")


@dataclass
class ClinicCard:
    """What locations/includes/clinic_card.html shows of a clinic: plain values, cheap
    to keep in the cache and to render."""

    pk: int
    locale_id: int  # the clinic page's language (lang marks, the fallback's links)
    page_label: str  # the clinic page's model ("locations.locationpage")
    title: str
    url: str
    appointment_url: str
    neighborhood: str
    borough: str
    borough_name: str
    address: str
    phone: str
    phone_display: str
    latitude: object
    longitude: object
    schedule: Schedule = field(repr=False)
    schedule_key: str  # shared by the clinics that keep the same hours
    hours: dict = field(repr=False)
    current_status: str = ""
    distance: float | None = None
    miles: str = ""  # the distance as the card shows it (miles_text)
    # CARD_TEMPLATE rendered with holes (fragments.py), listed and near a ZIP code.
    parts: tuple = field(default=(), repr=False)
    parts_near: tuple = field(default=(), repr=False)

    @property
    def coordinates(self):
        return (self.latitude, self.longitude)

    def __reduce__(self):
        # Kept in the data cache: the values in order load faster than a __dict__,
        # and nothing a request set on it (the fallback's reader_url) goes along.
        return (type(self), tuple(getattr(self, f.name) for f in fields(self)))

    @property
    def html(self):
        """The card's markup for this request: its kept parts filled in."""
        near = self.distance is not None
        values = {"url": self.url, "status": self.current_status}
        if near:
            values["miles"] = self.miles
        return fill(self.parts_near if near else self.parts, values)


def miles_text(distance, separator):
    """What `distance|floatformat:1` shows (one decimal, rounded half up, the
    language's decimal `separator`), without looking the number format up again for
    each of a chain's clinics; beyond 1,000 miles, or with thousands separators on,
    the filter itself."""
    if distance >= 1000 or settings.USE_THOUSAND_SEPARATOR:
        return floatformat(distance, 1)
    rounded = Decimal(repr(distance)).quantize(TENTH, ROUND_HALF_UP)
    return str(rounded).replace(".", separator)


def _render_parts(request, card):
    """(parts, parts_near): the card's HTML without and with a distance, with holes
    for the values a request fills in (ClinicCard.html)."""
    holes = Holes()
    values = {f.name: getattr(card, f.name) for f in fields(card)}
    values.update(url=holes.mark("url"), current_status=holes.mark("status"))
    rendered = []
    for distance, miles in ((None, ""), (0.0, holes.mark("miles"))):
        marked = SimpleNamespace(**{**values, "distance": distance, "miles": miles})
        rendered.append(holes.split(render_to_string(CARD_TEMPLATE, {"clinic": marked}, request)))
    return tuple(rendered)


def clinic_cards(request, index_page):
    """A card for each live clinic under `index_page`, alphabetically."""
    clinics = list(index_page.clinics())
    # Clinics with the same hours share one schedule and its data: worked out once,
    # and kept once in the cache (pickle stores a shared object once).
    schedules, hours_by_schedule, names = {}, {}, {}
    cards = []
    for clinic in clinics:
        key = clinic.schedule.key()
        if key not in schedules:
            schedules[key] = clinic.schedule
            hours_by_schedule[key] = hours_data(clinic.schedule)
            names[key] = f"schedule-{len(names) + 1}"
        schedule = schedules[key]
        cards.append(
            ClinicCard(
                pk=clinic.pk,
                locale_id=clinic.locale_id,
                page_label=clinic._meta.label_lower,
                title=clinic.title,
                url=clinic.get_url(request),
                appointment_url=clinic.appointment_url(request=request),
                neighborhood=clinic.neighborhood,
                borough=clinic.borough,
                borough_name=str(clinic.get_borough_display()),
                address=clinic.full_address,
                phone=clinic.phone,
                phone_display=clinic.phone_display,
                latitude=clinic.latitude,
                longitude=clinic.longitude,
                schedule=schedule,
                schedule_key=names[key],
                hours=hours_by_schedule[key],
            )
        )
    for card in cards:
        card.parts, card.parts_near = _render_parts(request, card)
        # Shown as rendered; for distances, floats load from the cache faster.
        card.latitude, card.longitude = float(card.latitude), float(card.longitude)
    return cards


def cards_html(cards):
    """The cards' markup, joined; the template calls it as it renders, after the
    language fallback has pointed their links at the reader's language."""
    return mark_safe("".join(card.html for card in cards))  # noqa: S308 - fragments.fill escaped


def open_now(cards, now):
    """Each card's "open now" sentence, worked out once per distinct schedule (cards
    with the same hours share one Schedule object: clinic_cards)."""
    texts = {}
    for card in cards:
        key = id(card.schedule)
        if key not in texts:
            texts[key] = status_text(card.schedule.status(now))
        card.current_status = texts[key]


def finder_context(request, index_page):
    now = timezone.now()
    site = Site.find_for_request(request)
    key = ":".join(
        [
            "clinic-cards",  # the cards with their HTML (a new shape: a new name)
            str(index_page.pk),
            str(site.pk if site else 0),
            get_language() or "",
            timezone.localdate(now).isoformat(),  # the exceptions loaded are around today
        ]
    )
    clinics = cached_data(
        request, key, lambda: clinic_cards(request, index_page), depends_on=(LOCATIONS,)
    )
    open_now(clinics, now)
    zip_query, error, note, centre = _read_zip(request.GET.get("zip"))
    nearest = []
    if centre is not None:
        separator = formats.get_format("DECIMAL_SEPARATOR")
        for clinic in clinics:
            clinic.distance = geo.miles_between(centre, clinic.coordinates)
            clinic.miles = miles_text(clinic.distance, separator)
        nearest = sorted(clinics, key=lambda clinic: (clinic.distance, clinic.title))
        if nearest and nearest[0].distance > FAR_MILES:
            note = _("ZIP code %(zip)s is far from New York City; our clinics are all in the city.")
            note %= {"zip": zip_query}
    groups = []
    for slug, name in geo.BOROUGHS:
        members = [clinic for clinic in clinics if clinic.borough == slug]
        if members:
            groups.append(
                {
                    "slug": slug,
                    "name": name,
                    "clinics": members,
                    "html": partial(cards_html, members),
                }
            )
    return {
        "clinics": clinics,
        "borough_groups": groups,
        "nearest": nearest,
        "nearest_html": partial(cards_html, nearest),
        "zip_query": zip_query,
        "zip_error": error,
        "zip_note": note,
        "hours_messages": status_messages(),
        # Each distinct schedule once; a card's status names its schedule_key.
        "clinic_hours": {clinic.schedule_key: clinic.hours for clinic in clinics},
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
