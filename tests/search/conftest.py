"""Fixtures for the search tests: a condition page whose every block carries a
word found nowhere else, and translations made on the spot."""

import json

import pytest
from wagtail.models import Locale

from conditions.models import ConditionPage

# One invented word per block, so a hit proves that block's text is indexed.
BLOCK_WORDS = {
    "causes": "quorbleface",
    "cause_detail": "snibbleton",
    "underlying": "vexmarrow",
    "symptoms": "glimmerache",
    "approach": "trundlework",
    "treatment": "plonkastretch",
    "home_program": "wobbleroutine",
    "seek_care": "frazzlesign",
    "faq": "zintlequery",
    "text": "murgleparagraph",
}


def search_page(client, url, params=None, language="en"):
    """The HTML of `url` (a search URL), checked to be the whole search page in
    `language` with its search box: not merely a 200."""
    response = client.get(url, params or {})
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{language}"' in html, url
    assert '<input id="search-q" type="search" name="q"' in html, url
    assert 'class="site-footer"' in html and "Traceback" not in html, url
    return html


def translate(page, code, **changes):
    """The page's live translation into `code` (made, changed and published now)."""
    locale = Locale.objects.get(language_code=code)
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale, copy_parents=True)
    translated = translated.specific
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def block_page(page_by_path):
    """A live English condition page with one invented word in each kind of block."""
    w = BLOCK_WORDS
    body = [
        {
            "type": "causes",
            "value": {
                "heading": "Causes",
                "intro": "",
                "items": [{"text": f"Lifting with a {w['causes']}", "detail": w["cause_detail"]}],
            },
        },
        {
            "type": "underlying_conditions",
            "value": {
                "heading": "Underlying conditions",
                "intro": "",
                "items": [{"name": f"{w['underlying']} syndrome", "condition_page": None}],
            },
        },
        {
            "type": "symptoms",
            "value": {"heading": "Symptoms", "intro": "", "items": [f"A dull {w['symptoms']}"]},
        },
        {
            "type": "physical_therapy",
            "value": {
                "heading": "How physical therapy helps",
                "intro": "",
                "approach": f"<p>Careful {w['approach']} by your therapist.</p>",
                "treatments": [{"name": w["treatment"], "description": "Gentle."}],
                "home_program": f"<p>A daily {w['home_program']}.</p>",
                "expected_course": "<p>Six weeks.</p>",
            },
        },
        {
            "type": "seek_care",
            "value": {
                "heading": "When to seek care right away",
                "intro": "",
                "urgency": "doctor",
                "red_flags": [f"A sudden {w['seek_care']}"],
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Questions",
                "intro": "",
                "items": [{"question": f"What is {w['faq']}?", "answer": "<p>A test.</p>"}],
            },
        },
        {"type": "rich_text", "value": f"<p>Plain {w['text']} here.</p>"},
    ]
    index = page_by_path("/conditions/")
    page = ConditionPage(
        title="Blockwise strain",
        slug="blockwise-strain",
        intro="A condition made up for the search tests.",
        body=json.dumps(body),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
