"""The site's JSON-LD against the schema.org vocabulary file itself (tests/seo/schemaorg.py,
tests/data/): every node of one page of each type, in four languages, uses only types
that exist, properties of those types and enumeration values that exist. The
validator is first shown to catch what Google's rich-result parser rejected."""

import gzip
import hashlib
import json
import re

import pytest

from tests.seo.schemaorg import VOCABULARY, Vocabulary, validate
from tests.seo.test_descriptions import PATHS, reader_url

pytestmark = pytest.mark.django_db

RELEASE_30_GRAPH = "21331b9baa07d76266d8225d01e8a65ff50c43674b2b4fea4011e2af9009087c"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# What each page type must carry (beside what it may).
EXPECTED_TYPES = {
    "condition": {"MedicalWebPage", "BreadcrumbList"},
    "location index": {"BreadcrumbList"},
    "location": {"Physiotherapy", "BreadcrumbList"},
}


def _sorted_lists(node):
    """The document with every list sorted: schema.org's lists are sets."""
    if isinstance(node, dict):
        return {key: _sorted_lists(value) for key, value in sorted(node.items())}
    if isinstance(node, list):
        items = [_sorted_lists(value) for value in node]
        return sorted(items, key=lambda value: json.dumps(value, sort_keys=True))
    return node


def test_the_vocabulary_file_is_a_schema_org_release():
    # Release 30.0's graph, as tests/data/README.md records it.
    with gzip.open(VOCABULARY, "rt", encoding="utf-8") as file:
        graph = json.load(file)["@graph"]
    canonical = json.dumps(_sorted_lists(graph), separators=(",", ":")).encode()
    assert hashlib.sha256(canonical).hexdigest() == RELEASE_30_GRAPH
    vocabulary = Vocabulary.load()
    assert len(vocabulary.supertypes) > 800 and len(vocabulary.properties) > 1400
    assert "https://schema.org/MedicalBusiness" in vocabulary.ancestors(
        "https://schema.org/Physiotherapy"
    )


def test_the_validator_catches_what_clinic_pages_used_to_say():
    before = {
        "@context": "https://schema.org",
        "@type": ["Physiotherapy", "MedicalClinic"],
        "name": "Midtown Manhattan",
        "availableLanguage": ["English", "Spanish"],
        "medicalSpecialty": "PhysicalTherapy",
        "isAcceptingNewPatients": True,
    }
    errors = validate(before)
    assert len(errors) == 2, errors
    assert "'availableLanguage' is not a property of MedicalClinic, Physiotherapy" in errors[0]
    assert "'PhysicalTherapy' is not a value of MedicalSpecialty" in errors[1]
    after = {
        **{key: value for key, value in before.items() if key != "availableLanguage"},
        "medicalSpecialty": "https://schema.org/Physiotherapy",
        "contactPoint": {"@type": "ContactPoint", "availableLanguage": ["English", "Spanish"]},
    }
    assert validate(after) == []


@pytest.mark.parametrize(
    ("node", "finding"),
    [
        ({"@type": "MedicalClinc"}, "unknown type 'MedicalClinc'"),
        ({"@type": "Person", "honorificSufix": "PT"}, "'honorificSufix' is not a schema.org"),
        ({"@type": "WebPage", "lastReviewed": "2026-01-01", "telephone": "1"}, "'telephone'"),
        (
            {"@type": "OpeningHoursSpecification", "dayOfWeek": ["Monday", "Moonday"]},
            "'Moonday' is not a value of DayOfWeek",
        ),
        ({"@type": "MedicalWebPage", "audience": {"@type": "Place"}}, "not Place"),
        ({"@type": "Place", "isAccessibleForFree": "yes", "latitude": True}, "not a boolean"),
        ({"@type": "ListItem", "position": None}, "'position' is null"),
    ],
)
def test_the_validator_reports_each_kind_of_mistake(node, finding):
    errors = validate({"@context": "https://schema.org", **node})
    assert any(finding in error for error in errors), errors


def json_ld(html):
    return [json.loads(block) for block in SCRIPT.findall(html)]


def types_of(data):
    """Every @type named in a JSON-LD document, nested nodes included."""
    if isinstance(data, list):
        return set().union(*(types_of(item) for item in data)) if data else set()
    if not isinstance(data, dict):
        return set()
    kinds = data.get("@type", [])
    found = set(kinds if isinstance(kinds, list) else [kinds])
    return found.union(*(types_of(value) for value in data.values()))


@pytest.mark.parametrize("code", ["en", "es", "ar", "zh-hans"])
def test_every_page_types_json_ld_fits_the_vocabulary(client, page_by_path, code):
    urls = {kind: reader_url(page_by_path(path), code) for kind, path in PATHS.items()}
    urls["search"] = "/search/" if code == "en" else f"/{code}/search/"
    for kind, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        documents = json_ld(response.content.decode())
        for document in documents:
            assert validate(document) == [], (kind, url)
        assert EXPECTED_TYPES.get(kind, set()) <= types_of(documents), (kind, url)
