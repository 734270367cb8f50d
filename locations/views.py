"""What the location pages show and do: the finder, a clinic's page context, and
the appointment request form with its spam guards and notification."""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.caching.dependencies import TREE
from cms.caching.page_cache import cached_data
from cms.jsonld import breadcrumb_list
from cms.security.client_address import client_network
from locations import geo, hours
from locations.caching import LOCATIONS
from locations.forms import AppointmentRequestForm
from locations.models import SCHEMA_DAYS, WEEKDAYS, LocationPage

logger = logging.getLogger(__name__)

FAR_MILES = 50
MAX_ECHO = 20


# -- hours, shared by the index and the clinic pages --------------------------------


def time_label(value):
    return formats.time_format(value)


def status_text(status):
    """A sentence for a Status, in the current language."""
    if status.is_open:
        return _("Open now, closes at %(time)s") % {"time": time_label(status.closes_at)}
    prefix = _("Closed")
    if status.exception_label:
        prefix = _("Closed today (%(label)s)") % {"label": status.exception_label}
    if status.next_open is None:
        return prefix
    when = time_label(status.next_open)
    if status.opens_today:
        return _("%(closed)s, opens at %(time)s") % {"closed": prefix, "time": when}
    if status.opens_tomorrow:
        return _("%(closed)s, opens tomorrow at %(time)s") % {"closed": prefix, "time": when}
    day = str(WEEKDAYS[status.next_open.weekday()][1])
    return _("%(closed)s, opens %(day)s at %(time)s") % {
        "closed": prefix,
        "day": day,
        "time": when,
    }


def status_messages():
    """The sentences the browser script fills in, so it speaks the page's language."""
    return {
        "open": _("Open now, closes at %(time)s") % {"time": "{time}"},
        "closed": _("Closed"),
        "closedLabel": _("Closed today (%(label)s)") % {"label": "{label}"},
        "opensToday": _("%(closed)s, opens at %(time)s") % {"closed": "{closed}", "time": "{time}"},
        "opensTomorrow": _("%(closed)s, opens tomorrow at %(time)s")
        % {"closed": "{closed}", "time": "{time}"},
        "opensDay": _("%(closed)s, opens %(day)s at %(time)s")
        % {"closed": "{closed}", "day": "{day}", "time": "{time}"},
        "days": [str(name) for _number, name in WEEKDAYS],
    }


def hours_data(schedule):
    """The schedule plus display labels for every time in it."""
    data = schedule.as_data()
    labels = {}
    intervals = [i for day in schedule.weekly.values() for i in day]
    intervals += [i for exc in schedule.exceptions.values() for i in exc.intervals]
    for opens, closes in intervals:
        labels[opens.strftime("%H:%M")] = time_label(opens)
        labels[closes.strftime("%H:%M")] = time_label(closes)
    data["labels"] = labels
    return data


def interval_text(intervals):
    if not intervals:
        return _("Closed")
    return ", ".join(f"{time_label(o)}\u2013{time_label(c)}" for o, c in intervals)


# -- the finder -----------------------------------------------------------------------


def finder_context(request, index_page):
    now = timezone.now()
    # The clinics with their hours (three queries), kept for the content generation and
    # the day (the exceptions loaded are those around today).
    clinics = cached_data(
        request,
        f"finder-clinics:{index_page.pk}:{timezone.localdate(now).isoformat()}",
        lambda: list(index_page.clinics()),
        depends_on=(LOCATIONS,),
    )
    for clinic in clinics:
        clinic.current_status = status_text(clinic.status(now))
    raw = request.GET.get("zip")
    zip_query, error, note, centre = "", "", "", None
    if raw is not None and raw.strip():
        zip_query = raw.strip()[:MAX_ECHO]
        if not geo.ZIP_RE.match(raw.strip()):
            error = _("“%(zip)s” is not a ZIP code. Enter five digits, for example 10001.") % {
                "zip": zip_query
            }
        else:
            centre = geo.zip_centre(zip_query)
            if centre is None and geo.zip_is_known(zip_query):
                error = _(
                    "We cannot place ZIP code %(zip)s on the map. Here are all our clinics."
                ) % {"zip": zip_query}
            elif centre is None:
                error = _("We do not know the ZIP code %(zip)s. Check it and try again.") % {
                    "zip": zip_query
                }
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


# -- a clinic's page ------------------------------------------------------------------


def location_context(request, page):
    page.prefetch_for_render()
    schedule = page.schedule
    now = timezone.now()
    today = now.astimezone(hours.NEW_YORK).date()
    week = []
    for offset in range(7):
        day = today + timedelta(days=offset)
        exception = schedule.exceptions.get(day)
        week.append(
            {
                "date": day,
                "name": WEEKDAYS[day.weekday()][1],
                "is_today": offset == 0,
                "hours": interval_text(schedule.intervals_on(day)),
                "exception": exception,
            }
        )
    regular = [
        {"name": name, "hours": interval_text(schedule.weekly.get(number, []))}
        for number, name in WEEKDAYS
    ]
    upcoming = [
        {
            "exception": exc,
            "hours": interval_text(exc.intervals),
        }
        for exc in schedule.upcoming_exceptions(today, days=30)
    ]
    others = cached_data(
        request,
        f"locator-others:{page.pk}",
        lambda: list(
            LocationPage.objects.live()
            .sibling_of(page, inclusive=False)
            .filter(locale_id=page.locale_id)
            .values_list("latitude", "longitude")
        ),
        depends_on=(TREE,),  # new, moved or closed clinics; coordinates are tree fields
    )
    return {
        "status": schedule.status(now),
        "status_text": status_text(schedule.status(now)),
        "today_hours": week[0]["hours"],
        "week": week,
        "regular_hours": regular,
        "upcoming_exceptions": upcoming,
        "hours_data": hours_data(schedule),
        "hours_messages": status_messages(),
        "locator": locator(page, others),
        "conditions_treated": page.conditions_treated(),
        "insurance": page.insurance_list(),
        "team": page.team(),
        "photos": list(page.photos.all()),
        "subway_stations": list(page.subway_stations.all()),
        "json_ld": location_json_ld(page, request, schedule, today),
        "breadcrumbs_json_ld": breadcrumb_list(page, request),
    }


LOCATOR_WIDTH = 300


def _project(lat, lng):
    """x, y in the locator's SVG box (an equirectangular view of the city's bounds)."""
    lat0, lat1 = map(float, geo.NYC_LAT)
    lng0, lng1 = map(float, geo.NYC_LNG)
    scale = LOCATOR_WIDTH / ((lng1 - lng0) * 0.758)  # cos(40.7 deg) keeps the shape
    return round((float(lng) - lng0) * 0.758 * scale, 1), round((lat1 - float(lat)) * scale, 1)


# Rough label positions for orientation, not boundaries.
BOROUGH_LABELS = [
    ("Manhattan", 40.790, -73.985),
    ("Bronx", 40.850, -73.875),
    ("Queens", 40.715, -73.800),
    ("Brooklyn", 40.640, -73.950),
    ("Staten Island", 40.575, -74.150),
]


def locator(page, others):
    """A self-drawn map: the city's bounds, borough names, the other clinics as dots
    and this one as a marker. No tiles, no third-party request."""
    height = _project(float(geo.NYC_LAT[0]), float(geo.NYC_LNG[0]))[1]
    x, y = _project(page.latitude, page.longitude)
    return {
        "width": LOCATOR_WIDTH,
        "height": height,
        "x": x,
        "y": y,
        "others": [_project(latitude, longitude) for latitude, longitude in others],
        "labels": [(name, *_project(lat, lng)) for name, lat, lng in BOROUGH_LABELS],
    }


def location_json_ld(page, request, schedule, today):
    url = page.get_full_url(request)
    weekly = {}
    for day, intervals in schedule.weekly.items():
        for opens, closes in intervals:
            weekly.setdefault((opens, closes), []).append(SCHEMA_DAYS[day])
    specs = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": opens.strftime("%H:%M"),
            "closes": closes.strftime("%H:%M"),
        }
        for (opens, closes), days in sorted(weekly.items())
    ]
    for day, exc in sorted(schedule.exceptions.items()):
        if day < today:
            continue
        intervals = exc.intervals or [(None, None)]
        for opens, closes in intervals:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "name": exc.label,
                    "validFrom": day.isoformat(),
                    "validThrough": day.isoformat(),
                    "opens": opens.strftime("%H:%M") if opens else "00:00",
                    "closes": closes.strftime("%H:%M") if closes else "00:00",
                }
            )
    street = page.street_address
    if page.address_line_2:
        street = f"{street}, {page.address_line_2}"
    data = {
        "@context": "https://schema.org",
        "@type": ["Physiotherapy", "MedicalClinic"],
        "@id": f"{url}#clinic",
        "name": page.title,
        "url": url,
        "telephone": page.phone,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": page.locality,
            "addressRegion": "NY",
            "postalCode": page.postal_code,
            "addressCountry": "US",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": f"{page.latitude:.6f}",
            "longitude": f"{page.longitude:.6f}",
        },
        "hasMap": page.directions_url,
        "openingHoursSpecification": specs,
        "availableLanguage": page.languages_list,
        "isAcceptingNewPatients": page.accepting_new_patients,
        "medicalSpecialty": "PhysicalTherapy",
    }
    if page.email:
        data["email"] = page.email
    photos = list(page.photos.all())
    if photos:
        rendition = photos[0].image.get_rendition("fill-1200x800")
        data["image"] = request.build_absolute_uri(rendition.url) if request else rendition.url
    if page.search_description:
        data["description"] = page.search_description
    return data


# -- appointment requests ---------------------------------------------------------------


def _rate_key(request):
    # Per client (behind the proxy too), never per proxy: see cms/security/.
    digest = hashlib.sha256(client_network(request).encode()).hexdigest()[:32]
    return f"locations:appointment-rate:{digest}"


def rate_limited(request):
    limit, _window = getattr(settings, "LOCATIONS_APPOINTMENT_RATE_LIMIT", (5, 3600))
    return (cache.get(_rate_key(request)) or 0) >= limit


def count_submission(request):
    _limit, window = getattr(settings, "LOCATIONS_APPOINTMENT_RATE_LIMIT", (5, 3600))
    key = _rate_key(request)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, timeout=window)


def notify_clinic(appointment_request):
    """Tell the clinic's inbox a request arrived: no name, no health details, just
    a link to the request in the admin. Returns whether the email went out."""
    location = appointment_request.location
    if location is None or not location.email:
        return False
    try:
        send_mail(
            subject=f"New appointment request for {location.title}",
            message=(
                f"A new appointment request for {location.title} arrived at "
                f"{timezone.localtime(appointment_request.created_at):%Y-%m-%d %H:%M}.\n\n"
                "Sign in to read it and reply to the patient:\n"
                f"{appointment_request.get_admin_url()}\n\n"
                "For privacy this email contains no patient details.\n"
            ),
            from_email=None,
            recipient_list=[location.email],
        )
    except Exception:  # any mail failure: the request is already saved
        logger.exception("Appointment request %s: notification failed", appointment_request.pk)
        return False
    type(appointment_request).objects.filter(pk=appointment_request.pk).update(
        notified_at=timezone.now()
    )
    return True


def _initial_reason(request, conditions):
    raw = request.GET.get("condition", "")
    # ASCII digits that fit a database integer; anything else preselects nothing.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        return None
    from wagtail.models import Page

    wanted = Page.objects.filter(pk=int(raw)).values_list("translation_key", flat=True).first()
    for condition in conditions:
        if wanted and condition.translation_key == wanted:
            return str(condition.pk)
    return None


def _form_choices(page):
    from conditions.models import ConditionPage

    page.prefetch_for_render()
    conditions = page.conditions_treated()
    if not conditions:
        conditions = list(
            ConditionPage.objects.live().filter(locale_id=page.locale_id).order_by("title")
        )
    return conditions, page.insurance_list()


@never_cache
def appointment_view(request, page):
    conditions, insurances = _form_choices(page)
    status = 200
    limited = False
    if request.method == "POST":
        form = AppointmentRequestForm(
            request.POST, location=page, conditions=conditions, insurances=insurances
        )
        if rate_limited(request):
            limited = True
            status = 429
        elif form.is_spam():
            # Look like success, keep nothing.
            count_submission(request)
            return HttpResponseRedirect(page.url + "appointment/thanks/")
        elif form.is_valid():
            appointment_request = form.save(request)  # saved first: nothing is lost
            count_submission(request)
            notify_clinic(appointment_request)
            return HttpResponseRedirect(page.url + "appointment/thanks/")
        else:
            status = 400
    else:
        initial = {}
        reason = _initial_reason(request, conditions)
        if reason:
            initial["reason"] = reason
        form = AppointmentRequestForm(
            initial=initial, location=page, conditions=conditions, insurances=insurances
        )
    context = {"page": page, "self": page, "request": request}
    context.update({"form": form, "rate_limited": limited})
    return TemplateResponse(request, "locations/appointment_form.html", context, status=status)


@never_cache
def appointment_thanks_view(request, page):
    context = {"page": page, "self": page, "request": request}
    return TemplateResponse(request, "locations/appointment_thanks.html", context)
