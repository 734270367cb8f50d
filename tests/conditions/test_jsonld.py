"""JSON-LD is read from the page's fields and blocks: a MedicalWebPage about a
MedicalCondition, and a BreadcrumbList."""

import json
import re

import pytest

from conditions import jsonld

pytestmark = pytest.mark.django_db


def json_ld_of(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [item for block in blocks for item in _as_list(json.loads(block))]


def _as_list(data):
    return data if isinstance(data, list) else [data]


@pytest.fixture
def neck(page_by_path):
    return page_by_path("/conditions/neck-spasms/")


def test_medical_web_page_maps_every_section(neck, rf):
    data = jsonld.medical_web_page(neck, rf.get("/"))
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == neck.last_reviewed.isoformat()
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": neck.reviewer.name,
        "honorificSuffix": neck.reviewer.credentials,
    }
    condition = data["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == "Neck spasms"
    assert condition["description"]
    causes = neck.body[0].value["items"]
    assert [cause["name"] for cause in condition["cause"]] == [item["text"] for item in causes]
    assert {cause["@type"] for cause in condition["cause"]} == {"MedicalCause"}
    assert [factor["name"] for factor in condition["riskFactor"]] == [
        "Disc herniations",
        "Arthritis",
        "Fractures in the spine",
        "Degenerative disc disease",
        "Spinal Stenosis",
        "Fibromyalgia",
    ]
    assert condition["riskFactor"][0]["url"].endswith("/conditions/herniated-disc/")
    assert "url" not in condition["riskFactor"][1]
    assert [symptom["name"] for symptom in condition["signOrSymptom"]][1] == "Tension headaches"
    treatment = condition["possibleTreatment"][0]
    assert treatment["@type"] == "PhysicalTherapy"
    assert treatment["description"].startswith("Physical Therapy is often recommended")
    assert condition["associatedAnatomy"] == {"@type": "AnatomicalStructure", "name": "Neck"}


def test_json_ld_follows_edits_to_the_blocks(neck, rf):
    raw = list(neck.body.raw_data)
    symptoms = next(block for block in raw if block["type"] == "symptoms")
    symptoms["value"]["items"] = [{"type": "item", "value": "Jaw pain", "id": "a"}]
    treatments = next(block for block in raw if block["type"] == "physical_therapy")
    treatments["value"]["treatments"] = [
        {
            "type": "item",
            "value": {"name": "Dry needling", "description": "Thin needles."},
            "id": "b",
        }
    ]
    neck.body = raw
    neck.body_area = None
    neck.reviewer = None
    neck.last_reviewed = None
    condition = jsonld.medical_condition(neck, rf.get("/"))
    assert condition["signOrSymptom"] == [{"@type": "MedicalSymptom", "name": "Jaw pain"}]
    assert condition["possibleTreatment"][1] == {
        "@type": "PhysicalTherapy",
        "name": "Dry needling",
        "description": "Thin needles.",
    }
    assert "associatedAnatomy" not in condition
    page = jsonld.medical_web_page(neck, rf.get("/"))
    assert "reviewedBy" not in page and "lastReviewed" not in page


def test_page_emits_medical_web_page_and_breadcrumbs(client):
    items = json_ld_of(client.get("/conditions/neck-spasms/").content.decode())
    types = [item["@type"] for item in items]
    assert "MedicalWebPage" in types and "BreadcrumbList" in types
    page = next(item for item in items if item["@type"] == "MedicalWebPage")
    assert page["url"] == "http://localhost/conditions/neck-spasms/"
    assert page["about"]["possibleTreatment"][0]["@type"] == "PhysicalTherapy"
    crumbs = next(item for item in items if item["@type"] == "BreadcrumbList")
    assert [crumb["position"] for crumb in crumbs["itemListElement"]] == [1, 2, 3]


def test_every_demo_condition_has_complete_structured_data(client):
    from conditions.models import ConditionPage

    for page in ConditionPage.objects.live():
        items = json_ld_of(client.get(page.url).content.decode())
        data = next(item for item in items if item["@type"] == "MedicalWebPage")
        condition = data["about"]
        for key in ("cause", "riskFactor", "signOrSymptom", "possibleTreatment"):
            assert condition.get(key), (page.slug, key)
        assert condition["associatedAnatomy"]["name"], page.slug
        assert data["reviewedBy"]["name"] and data["lastReviewed"], page.slug
