"""Demo clinics across New York City: fictional addresses, 555-01xx phones, varied
hours, closures on the coming US holidays, real subway lines for each neighborhood,
a team and photos drawn offline with Pillow. Idempotent: a second run changes and
duplicates nothing (pages, hours rows, snippets and images are all matched first)."""

import io
import random
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.demo import upsert_child_page, upsert_snippet
from cms.models import Clinician
from locations.models import (
    HoursException,
    Insurance,
    LocationCondition,
    LocationIndexPage,
    LocationInsurance,
    LocationPage,
    LocationPhoto,
    LocationTeamMember,
    OpeningHours,
    SubwayStation,
)

INSURANCE = [
    ("Aetna", ""),
    ("Cigna", ""),
    ("EmblemHealth (GHI, HIP)", ""),
    ("Empire BlueCross BlueShield", ""),
    ("Fidelis Care", ""),
    ("Healthfirst", ""),
    ("Medicare", ""),
    ("Medicaid", ""),
    ("MetroPlus", ""),
    ("Oxford Health Plans", "Referral may be required"),
    ("UnitedHealthcare", ""),
    ("1199SEIU Benefit Funds", ""),
    ("No-fault (car accidents)", ""),
    ("Workers' compensation", ""),
]
ALL_PLANS = [name for name, _note in INSURANCE]


def _h(text):
    hours, minutes = map(int, text.split(":"))
    return time(hours, minutes)


def _week(spec):
    """{"0-4": [("07:00", "20:00")], "5": [...]} -> rows (weekday, opens, closes)."""
    rows = []
    for days, intervals in spec.items():
        first, _sep, last = days.partition("-")
        for day in range(int(first), int(last or first) + 1):
            for opens, closes in intervals:
                rows.append({"weekday": day, "opens": _h(opens), "closes": _h(closes)})
    return sorted(rows, key=lambda row: (row["weekday"], row["opens"]))


def _nth_weekday(year, month, weekday, n):
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7)
    return day + timedelta(weeks=n - 1)


def _last_weekday(year, month, weekday):
    day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def us_holidays(year):
    """The federal holidays clinics close for, and two short days."""
    thanksgiving = _nth_weekday(year, 11, 3, 4)
    return [
        (date(year, 1, 1), "New Year's Day", None),
        (_nth_weekday(year, 1, 0, 3), "Martin Luther King Jr. Day", ("09:00", "15:00")),
        (_last_weekday(year, 5, 0), "Memorial Day", None),
        (date(year, 7, 4), "Independence Day", None),
        (_nth_weekday(year, 9, 0, 1), "Labor Day", None),
        (thanksgiving, "Thanksgiving", None),
        (thanksgiving + timedelta(days=1), "Day after Thanksgiving", ("09:00", "14:00")),
        (date(year, 12, 24), "Christmas Eve", ("08:00", "13:00")),
        (date(year, 12, 25), "Christmas Day", None),
        (date(year, 12, 31), "New Year's Eve", ("08:00", "15:00")),
    ]


def _exceptions(today):
    """This year's and next year's holidays from today on: past ones would be archived
    on save (LocationPage.tidy_hours_exceptions), and the next load would add them back."""
    rows = []
    for year in (today.year, today.year + 1):
        for day, label, special in us_holidays(year):
            if day < today:
                continue
            row = {"date": day, "label": label, "closed": special is None}
            row["opens"] = _h(special[0]) if special else None
            row["closes"] = _h(special[1]) if special else None
            rows.append(row)
    return sorted(rows, key=lambda row: row["date"])


CLINICS = [
    {
        "slug": "midtown",
        "title": "Midtown Manhattan",
        "neighborhood": "Midtown",
        "borough": "manhattan",
        "intro": "Our flagship clinic in the Garment District, between Penn Station and "
        "Times Square, open early and late on weekdays and on Saturday mornings.",
        "street_address": "350 West 38th Street",
        "address_line_2": "Suite 1200",
        "postal_code": "10018",
        "latitude": "40.755871",
        "longitude": "-73.993218",
        "phone": "+12125550101",
        "hours": {"0-4": [("07:00", "20:00")], "5": [("08:00", "14:00")]},
        "subway": [("34 St-Penn Station", "A C E", 6), ("Times Sq-42 St", "1 2 3 7 N Q R W S", 8)],
        "buses": "M34A-SBS, M11, M20",
        "parking": "Garages on West 38th and West 39th Streets; no parking on the block.",
        "access": (True, True, True),
        "languages": "English, Spanish, Mandarin",
        "plans": ALL_PLANS,
        "conditions": [
            "neck-spasms",
            "low-back-pain",
            "sciatica",
            "herniated-disc",
            "rotator-cuff-tendinitis",
            "tennis-elbow",
            "tmj-disorder",
            "whiplash",
        ],
        "team": [
            ("Dr. Elena Marquez", "PT, DPT, OCS", "English, Spanish"),
            ("Dr. Kevin Zhao", "PT, DPT", "English, Mandarin"),
        ],
    },
    {
        "slug": "upper-east-side",
        "title": "Upper East Side",
        "neighborhood": "Upper East Side",
        "borough": "manhattan",
        "intro": "A quiet clinic off Second Avenue with a lunch break, close to the Q and 6.",
        "street_address": "245 East 77th Street",
        "address_line_2": "Ground floor",
        "postal_code": "10075",
        "latitude": "40.772515",
        "longitude": "-73.956384",
        "phone": "+12125550102",
        "hours": {"0-3": [("08:00", "12:00"), ("13:00", "19:00")], "4": [("08:00", "16:00")]},
        "subway": [("77 St", "6", 3), ("72 St", "Q", 6)],
        "buses": "M15-SBS, M79-SBS, M101, M102, M103",
        "parking": "Street parking is scarce; a garage is on East 76th Street.",
        "access": (True, False, True),
        "languages": "English, Russian, French",
        "plans": [
            "Aetna",
            "Cigna",
            "Empire BlueCross BlueShield",
            "Medicare",
            "Oxford Health Plans",
            "UnitedHealthcare",
        ],
        "conditions": [
            "knee-osteoarthritis",
            "frozen-shoulder",
            "rotator-cuff-tendinitis",
            "plantar-fasciitis",
            "low-back-pain",
        ],
        "team": [
            ("Dr. Natalia Volkova", "PT, DPT, GCS", "English, Russian"),
            ("Camille Dubois", "PT, MS, CHT", "English, French"),
        ],
    },
    {
        "slug": "financial-district",
        "title": "Financial District",
        "neighborhood": "Financial District",
        "borough": "manhattan",
        "intro": "Early-morning sessions before the opening bell, a minute from Fulton Center.",
        "street_address": "118 William Street",
        "address_line_2": "4th floor",
        "postal_code": "10038",
        "latitude": "40.709021",
        "longitude": "-74.006758",
        "phone": "+12125550103",
        "hours": {"0-4": [("06:30", "19:00")]},
        "subway": [("Fulton St", "2 3 4 5 A C J Z", 2), ("Wall St", "2 3", 5)],
        "buses": "M15-SBS, M55",
        "parking": "No parking nearby; most patients come by subway.",
        "access": (True, True, True),
        "languages": "English, Cantonese, Mandarin",
        "plans": [
            "Aetna",
            "Cigna",
            "Empire BlueCross BlueShield",
            "UnitedHealthcare",
            "Oxford Health Plans",
            "Workers' compensation",
        ],
        "conditions": ["neck-spasms", "tennis-elbow", "low-back-pain", "whiplash", "tmj-disorder"],
        "team": [
            ("Dr. Michael Chen", "PT, DPT, SCS", "English, Cantonese"),
            ("Dr. Aisha Rahman", "PT, DPT", "English, Bengali"),
        ],
    },
    {
        "slug": "downtown-brooklyn",
        "title": "Downtown Brooklyn",
        "neighborhood": "Downtown Brooklyn",
        "borough": "brooklyn",
        "intro": "Evening hours on Tuesdays and Thursdays, steps from nine subway lines.",
        "street_address": "210 Livingston Street",
        "address_line_2": "Suite 3B",
        "postal_code": "11201",
        "latitude": "40.688911",
        "longitude": "-73.986240",
        "phone": "+17185550104",
        "hours": {
            "0": [("08:00", "17:00")],
            "1": [("11:00", "20:00")],
            "2": [("08:00", "17:00")],
            "3": [("11:00", "20:00")],
            "4": [("08:00", "17:00")],
            "5": [("09:00", "13:00")],
        },
        "subway": [
            ("Hoyt St", "2 3", 3),
            ("Jay St-MetroTech", "A C F R", 5),
            ("Hoyt-Schermerhorn Sts", "A C G", 6),
        ],
        "buses": "B25, B26, B38, B41, B52, B103",
        "parking": "Municipal garage on Livingston Street at Elm Place.",
        "access": (True, True, True),
        "languages": "English, Spanish, Haitian Creole",
        "plans": ALL_PLANS,
        "conditions": [
            "acl-reconstruction-rehab",
            "knee-osteoarthritis",
            "low-back-pain",
            "sciatica",
            "herniated-disc",
            "whiplash",
        ],
        "team": [
            ("Dr. Jean-Pierre Baptiste", "PT, DPT, OCS", "English, Haitian Creole, French"),
            ("Dr. Rosa Delgado", "PT, DPT, CSCS", "English, Spanish"),
        ],
    },
    {
        "slug": "astoria",
        "title": "Astoria",
        "neighborhood": "Astoria",
        "borough": "queens",
        "intro": "A neighborhood clinic on 30th Avenue, open Saturdays.",
        "street_address": "31-45 30th Avenue",
        "address_line_2": "2nd floor",
        "postal_code": "11102",
        "latitude": "40.766880",
        "longitude": "-73.921540",
        "phone": "+17185550105",
        "hours": {"0-4": [("09:00", "18:00")], "5": [("09:00", "15:00")]},
        "subway": [("30 Av", "N W", 2)],
        "buses": "Q18, Q102",
        "parking": "Metered street parking on 30th Avenue and side streets.",
        "access": (False, True, True),
        "languages": "English, Greek, Arabic, Bengali",
        "plans": [
            "Aetna",
            "EmblemHealth (GHI, HIP)",
            "Fidelis Care",
            "Healthfirst",
            "Medicaid",
            "Medicare",
            "MetroPlus",
            "No-fault (car accidents)",
            "1199SEIU Benefit Funds",
        ],
        "conditions": [
            "neck-spasms",
            "whiplash",
            "low-back-pain",
            "plantar-fasciitis",
            "frozen-shoulder",
        ],
        "team": [
            ("Dr. Nikos Papadopoulos", "PT, DPT", "English, Greek"),
            ("Dr. Layla Haddad", "PT, DPT, WCS", "English, Arabic"),
        ],
    },
    {
        "slug": "forest-hills",
        "title": "Forest Hills",
        "neighborhood": "Forest Hills",
        "borough": "queens",
        "intro": "On Queens Boulevard at the 71st Avenue express stop.",
        "street_address": "107-20 Queens Boulevard",
        "address_line_2": "Suite 210",
        "postal_code": "11375",
        "latitude": "40.720812",
        "longitude": "-73.845061",
        "phone": "+17185550106",
        "hours": {"0-4": [("07:30", "19:30")], "5": [("08:00", "12:00")]},
        "subway": [("Forest Hills-71 Av", "E F M R", 2)],
        "buses": "Q23, Q60, Q64",
        "parking": "Municipal lot behind the building on 70th Road.",
        "access": (True, True, True),
        "languages": "English, Russian, Hebrew, Korean",
        "plans": ALL_PLANS,
        "conditions": [
            "knee-osteoarthritis",
            "acl-reconstruction-rehab",
            "sciatica",
            "herniated-disc",
            "rotator-cuff-tendinitis",
        ],
        "team": [
            ("Dr. Dmitri Sokolov", "PT, DPT, OCS", "English, Russian"),
            ("Dr. Ji-woo Park", "PT, DPT, NCS", "English, Korean"),
        ],
    },
    {
        "slug": "riverdale",
        "title": "Riverdale",
        "neighborhood": "Riverdale",
        "borough": "bronx",
        "intro": "Our Bronx clinic on Riverdale Avenue, open Sunday mornings.",
        "street_address": "3700 Riverdale Avenue",
        "address_line_2": "",
        "postal_code": "10463",
        "latitude": "40.884520",
        "longitude": "-73.907330",
        "phone": "+17185550107",
        "hours": {
            "0-3": [("08:00", "18:00")],
            "4": [("08:00", "15:00")],
            "6": [("09:00", "13:00")],
        },
        "subway": [("231 St", "1", 15)],
        "buses": "Bx7, Bx10, Bx20",
        "parking": "Free parking lot for patients behind the building.",
        "access": (True, True, False),
        "languages": "English, Spanish, Hebrew",
        "plans": [
            "Aetna",
            "Cigna",
            "EmblemHealth (GHI, HIP)",
            "Empire BlueCross BlueShield",
            "Medicare",
            "Medicaid",
            "1199SEIU Benefit Funds",
        ],
        "conditions": [
            "frozen-shoulder",
            "knee-osteoarthritis",
            "low-back-pain",
            "plantar-fasciitis",
        ],
        "team": [
            ("Dr. Sarah Goldberg", "PT, DPT, GCS", "English, Hebrew"),
            ("Luis Ortega", "PTA", "English, Spanish"),
        ],
    },
    {
        "slug": "st-george",
        "title": "St. George, Staten Island",
        "neighborhood": "St. George",
        "borough": "staten-island",
        "intro": "Across from the ferry terminal, with long days on Tuesdays and Thursdays.",
        "street_address": "60 Bay Street",
        "address_line_2": "Suite 5",
        "postal_code": "10301",
        "latitude": "40.642680",
        "longitude": "-74.076490",
        "phone": "+17185550108",
        "hours": {
            "0": [("08:00", "17:00")],
            "1": [("08:00", "19:00")],
            "2": [("08:00", "17:00")],
            "3": [("08:00", "19:00")],
            "4": [("08:00", "17:00")],
        },
        "subway": [("St George (Staten Island Railway)", "SIR", 4)],
        "buses": "S40, S44, S51, S52, S61; Staten Island Ferry to Whitehall St",
        "parking": "Paid parking at the St. George ferry terminal garage.",
        "access": (True, True, True),
        "languages": "English, Polish, Spanish, Arabic",
        "plans": [
            "Aetna",
            "Cigna",
            "EmblemHealth (GHI, HIP)",
            "Fidelis Care",
            "Healthfirst",
            "Medicare",
            "Medicaid",
            "No-fault (car accidents)",
            "Workers' compensation",
        ],
        "conditions": ["whiplash", "neck-spasms", "low-back-pain", "tennis-elbow"],
        "team": [
            ("Dr. Katarzyna Nowak", "PT, DPT", "English, Polish"),
            ("Dr. Omar Farouk", "PT, DPT, OCS", "English, Arabic"),
        ],
    },
]


# -- images -------------------------------------------------------------------------


def _png(draw_fn, size, seed):
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    image = PILImage.new("RGB", size, "#e9f1f4")
    draw_fn(ImageDraw.Draw(image), size, rng)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _draw_clinic(draw, size, rng):
    w, h = size
    draw.rectangle([0, 0, w, h * 0.6], fill="#cfe6f0")  # sky
    draw.rectangle([0, h * 0.85, w, h], fill="#9aa5ab")  # street
    hue = rng.choice(["#b5654a", "#c9b79c", "#8d8f94", "#a9746e"])
    draw.rectangle([w * 0.15, h * 0.15, w * 0.85, h * 0.85], fill=hue)
    for row in range(5):
        for col in range(6):
            x = w * 0.2 + col * w * 0.1
            y = h * 0.2 + row * h * 0.1
            draw.rectangle([x, y, x + w * 0.06, y + h * 0.06], fill="#f3f7f9")
    draw.rectangle([w * 0.44, h * 0.7, w * 0.56, h * 0.85], fill="#0a5c7a")  # door
    draw.rectangle([w * 0.3, h * 0.64, w * 0.7, h * 0.69], fill="#0a5c7a")  # sign


def _draw_portrait(draw, size, rng):
    w, h = size
    background = rng.choice(["#d7e8ef", "#e8e1d3", "#dfe9d8", "#eadbe3"])
    draw.rectangle([0, 0, w, h], fill=background)
    skin = rng.choice(["#f1c7a5", "#d9a27c", "#a8714f", "#7a4b32", "#e7b996"])
    hair = rng.choice(["#2b1d14", "#5a3b22", "#8a8a8a", "#1a1a1a", "#b07a3c"])
    draw.ellipse([w * 0.18, h * 0.72, w * 0.82, h * 1.3], fill="#0a5c7a")  # shoulders
    draw.ellipse([w * 0.31, h * 0.16, w * 0.69, h * 0.6], fill=hair)
    draw.ellipse([w * 0.33, h * 0.22, w * 0.67, h * 0.64], fill=skin)


def _image(title, draw_fn, size, seed):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = _png(draw_fn, size, seed)
    filename = title.lower().replace(" ", "-").replace(".", "").replace(",", "") + ".png"
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image


# -- snippets -------------------------------------------------------------------------


def _clinician(locale, name, credentials, languages, seed):
    photo = _image(f"Demo portrait: {name}", _draw_portrait, (320, 320), seed)
    first = name.replace("Dr. ", "").split()[0]
    bio = (
        f"<p>{first} treats patients of every age and speaks {languages.replace(', ', ' and ')}"
        ". Sessions start with listening: what hurts, what you need to get back to.</p>"
    )
    return upsert_snippet(
        Clinician,
        {"name": name, "locale": locale},
        {"credentials": credentials, "languages": languages, "photo": photo, "bio": bio},
    )


# -- pages ------------------------------------------------------------------------------


def _rows_of(page, relation, keys):
    return [{key: getattr(obj, key) for key in keys} for obj in getattr(page, relation).all()]


def _sync_relations(page, relations):
    """Replace the page's child rows when they differ from `relations`
    ({name: (model, [row dicts])}); publish a revision only then."""
    changed = False
    for name, (model, rows) in relations.items():
        keys = list(rows[0]) if rows else ["pk"]
        if _rows_of(page, name, keys) != rows:
            setattr(page, name, [model(sort_order=i, **row) for i, row in enumerate(rows)])
            changed = True
    if changed:
        page.save_revision().publish()
    return page


def load(home):
    locale = home.locale
    index = upsert_child_page(
        home,
        LocationIndexPage,
        "locations",
        title="Our locations",
        intro="Clinics across New York City, each a short walk from the subway.",
    )
    plans = {
        name: upsert_snippet(Insurance, {"name": name, "locale": locale}, {"note": note})
        for name, note in INSURANCE
    }
    conditions = {}
    condition_index = Page.objects.filter(
        url_path=home.url_path + "conditions/", locale=locale
    ).first()
    if condition_index is not None:
        for child in condition_index.get_children().specific():
            conditions[child.slug] = child
    today = timezone.localdate()
    exceptions = _exceptions(today)
    for number, spec in enumerate(CLINICS, start=1):
        page = upsert_child_page(
            index,
            LocationPage,
            spec["slug"],
            title=spec["title"],
            neighborhood=spec["neighborhood"],
            borough=spec["borough"],
            intro=spec["intro"],
            street_address=spec["street_address"],
            address_line_2=spec["address_line_2"],
            postal_code=spec["postal_code"],
            latitude=Decimal(spec["latitude"]),
            longitude=Decimal(spec["longitude"]),
            phone=spec["phone"],
            email=f"{spec['slug']}@clinic.example.org",
            accepting_new_patients=spec["slug"] != "upper-east-side",
            buses=spec["buses"],
            parking=spec["parking"],
            step_free_entrance=spec["access"][0],
            elevator=spec["access"][1],
            accessible_restroom=spec["access"][2],
            languages=spec["languages"],
            search_description=f"Physical therapy in {spec['neighborhood']}, "
            f"{dict(_boroughs())[spec['borough']]}: hours, directions, insurance and "
            "appointments.",
        )
        facade = _image(f"Demo photo: {spec['title']} clinic", _draw_clinic, (1200, 800), number)
        team = [
            _clinician(locale, name, credentials, languages, seed=number * 10 + i)
            for i, (name, credentials, languages) in enumerate(spec["team"])
        ]
        _sync_relations(
            page,
            {
                "opening_hours": (OpeningHours, _week(spec["hours"])),
                "hours_exceptions": (HoursException, exceptions),
                "subway_stations": (
                    SubwayStation,
                    [
                        {"station": station, "routes": routes, "walk_minutes": minutes}
                        for station, routes, minutes in spec["subway"]
                    ],
                ),
                "insurance_plans": (
                    LocationInsurance,
                    [{"insurance_id": plans[name].pk} for name in spec["plans"]],
                ),
                "treated_conditions": (
                    LocationCondition,
                    [
                        {"condition_id": conditions[slug].pk}
                        for slug in spec["conditions"]
                        if slug in conditions
                    ],
                ),
                "team_members": (
                    LocationTeamMember,
                    [{"clinician_id": clinician.pk} for clinician in team],
                ),
                "photos": (
                    LocationPhoto,
                    [
                        {
                            "image_id": facade.pk,
                            "alt_text": f"Illustration of the {spec['title']} clinic's "
                            "building entrance",
                            "caption": f"{spec['street_address']}, {spec['neighborhood']}",
                        }
                    ],
                ),
            },
        )
    return index


def _boroughs():
    from locations.geo import BOROUGHS

    return [(slug, str(name)) for slug, name in BOROUGHS]
