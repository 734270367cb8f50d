"""Structured data for clinic pages (next to conditions/jsonld.py): a schema.org
Physiotherapy / MedicalClinic with its address, position, weekly hours and the
dated exceptions to come, read from the page's fields so nothing is typed twice."""

from locations.hours import SCHEMA_DAYS

SCHEMA = "https://schema.org"


def _opening_hours(schedule, today):
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
    return specs


def clinic(page, request, schedule, today):
    """The clinic page's JSON-LD object."""
    url = page.get_full_url(request)
    street = page.street_address
    if page.address_line_2:
        street = f"{street}, {page.address_line_2}"
    data = {
        "@context": SCHEMA,
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
        "openingHoursSpecification": _opening_hours(schedule, today),
        "isAcceptingNewPatients": page.accepting_new_patients,
        # A MedicalSpecialty enumeration member (schema.org has no "PhysicalTherapy" one).
        "medicalSpecialty": f"{SCHEMA}/Physiotherapy",
    }
    # The languages spoken belong to how patients reach the clinic: schema.org puts
    # availableLanguage on a ContactPoint, not on the clinic itself.
    contact = {"@type": "ContactPoint", "contactType": "appointments"}
    if page.phone:
        contact["telephone"] = page.phone
    if page.languages_list:
        contact["availableLanguage"] = page.languages_list
    data["contactPoint"] = contact
    if page.email:
        data["email"] = page.email
    photos = list(page.photos.all())
    if photos:
        rendition = photos[0].image.get_rendition("fill-1200x800")
        data["image"] = request.build_absolute_uri(rendition.url) if request else rendition.url
    if page.search_description:
        data["description"] = page.search_description
    return data
