"""Numbers that machines read (SVG coordinates, data attributes) stay in plain
notation in every language: Spanish and Arabic format 162.5 as "162,5"."""

import re

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["es", "ar"])  # the demo translates clinics into these
def test_map_and_coordinates_use_plain_numbers(client, page_by_path, code):
    english = page_by_path("/locations/midtown/")
    translated = english.get_translation(Locale.objects.get(language_code=code))
    body = client.get(translated.url).content.decode()
    assert "<svg" in body
    for attribute in re.findall(r'(?:viewBox|cx|cy|width|height)="([^"]*)"', body):
        assert "," not in attribute, attribute
    index = client.get(translated.get_parent().url)
    for value in re.findall(r'data-(?:lat|lng)="([^"]*)"', index.content.decode()):
        assert re.fullmatch(r"-?\d+\.\d+", value), value
