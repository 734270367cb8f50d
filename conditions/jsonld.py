"""Structured data for condition pages, read from the page's fields and blocks so
nothing is typed twice: a schema.org MedicalWebPage about a MedicalCondition, and the
page's BreadcrumbList."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.seo.jsonld import breadcrumb_list
from conditions.blocks import plain_text
from conditions.links import live_in_locale

SCHEMA = "https://schema.org"


def _items(page, block_type):
    for block in page.body:
        if block.block_type == block_type:
            yield block.value


def _in_page_language(page, text, locale_id):
    """`text` of a page or snippet in the locale `locale_id`: as it is when that is the
    page's, else tagged English (links are synchronized: a translated page points at
    the English pages and snippets, and shows them in English until translated)."""
    if locale_id == page.locale_id:
        return text
    return {"@value": text, "@language": settings.LANGUAGE_CODE}


def _causes(page):
    causes = []
    for value in _items(page, "causes"):
        for item in value["items"]:
            cause = {"@type": "MedicalCause", "name": item["text"]}
            if item.get("detail"):
                cause["description"] = plain_text(item["detail"])
            causes.append(cause)
    return causes


def _risk_factors(page, request):
    factors = []
    for value in _items(page, "underlying_conditions"):
        linked_pages = [item.get("condition_page") for item in value["items"]]
        localized = live_in_locale(linked_pages, page.locale_id)
        for item, linked in zip(value["items"], linked_pages, strict=True):
            target = localized.get(linked.pk) if linked is not None else None
            source = target or linked
            name = item.get("name")  # the page's own words
            if not name and source is not None and source.title:
                name = _in_page_language(page, source.title, source.locale_id)
            if not name:
                continue
            factor = {"@type": "MedicalRiskFactor", "name": name}
            if target is not None:
                factor["url"] = target.get_full_url(request)
            factors.append(factor)
    return factors


def _symptoms(page):
    return [
        {"@type": "MedicalSymptom", "name": symptom}
        for value in _items(page, "symptoms")
        for symptom in value["items"]
    ]


def _treatments(page):
    treatments = []
    for value in _items(page, "physical_therapy"):
        treatments.append(
            {
                "@type": "PhysicalTherapy",
                "name": _("Physical therapy"),
                "description": plain_text(value["approach"]),
            }
        )
        for item in value["treatments"]:
            treatment = {"@type": "PhysicalTherapy", "name": item["name"]}
            if item.get("description"):
                treatment["description"] = plain_text(item["description"])
            treatments.append(treatment)
    return treatments


def medical_condition(page, request=None):
    condition = {
        "@type": "MedicalCondition",
        "name": page.name,
        "description": page.search_description or page.intro,
    }
    for key, values in (
        ("cause", _causes(page)),
        ("riskFactor", _risk_factors(page, request)),
        ("signOrSymptom", _symptoms(page)),
        ("possibleTreatment", _treatments(page)),
    ):
        if values:
            condition[key] = values
    area = page.own_body_area()
    if area is not None:
        condition["associatedAnatomy"] = {
            "@type": "AnatomicalStructure",
            "name": _in_page_language(page, area.name, area.locale_id),
        }
    return condition


def medical_web_page(page, request=None):
    url = page.get_full_url(request)
    data = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "description": page.search_description or page.intro,
        "inLanguage": get_language(),
        "specialty": f"{SCHEMA}/Physiotherapy",
        "audience": {"@type": "Patient"},
        "about": medical_condition(page, request),
    }
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewer is not None:
        reviewer = {"@type": "Person", "name": page.reviewer.name}
        if page.reviewer.credentials:
            reviewer["honorificSuffix"] = page.reviewer.credentials
        data["reviewedBy"] = reviewer
    if page.hero_image is not None:
        rendition = page.hero_image.get_rendition("width-1200")
        data["primaryImageOfPage"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(rendition.url) if request else rendition.url,
            "description": page.hero_image_alt,
        }
    return data


def condition_page(page, request=None):
    """The page's JSON-LD: a list of the MedicalWebPage and the BreadcrumbList."""
    return [medical_web_page(page, request), breadcrumb_list(page, request)]
