"""What wagtail-localize's translation editor is given: strings as the editor typed
them, and the languages (with their direction) its fields are marked with."""

import html
import json
import re

import pytest
from wagtail.models import Locale

from conditions.models import ConditionPage
from localization.templatetags.translation_editor import as_typed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("Best Neck Spasms PT &amp; Rehab in NYC", "Best Neck Spasms PT & Rehab in NYC"),
        ("&quot;Hip&quot; &#x27;knee&#x27; caf&eacute;&nbsp;2", "\"Hip\" 'knee' café\xa02"),
        # Tags are markup the translator copies; typed angle brackets stay entities.
        ('<b>A &amp; B</b> <a id="a1">x</a>', '<b>A & B</b> <a id="a1">x</a>'),
        ("1 &lt; 2 &gt; 0", "1 &lt; 2 &gt; 0"),
        ("typed &amp;lt; literally", "typed &lt; literally"),
        ("no entities at all", "no entities at all"),
    ],
)
def test_strings_show_as_typed(stored, shown):
    assert as_typed(stored) == shown


def editor_page(client, code):
    english = ConditionPage.objects.get(locale=Locale.get_default(), slug="neck-spasms")
    neck = english.get_translation(Locale.objects.get(language_code=code))
    response = client.get(f"/admin/pages/{neck.pk}/edit/")
    assert response.status_code == 200
    text = response.content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', text).group(1)))
    languages = re.search(r'<div hidden class="localization-editor-languages"([^>]*)>', text)
    return props, dict(re.findall(r'data-([a-z-]+)="([^"]*)"', languages.group(1))), text


def test_the_editor_gets_strings_as_typed_and_the_target_direction(admin_client):
    props, languages, text = editor_page(admin_client, "ar")
    title = next(s for s in props["segments"] if s["contentPath"] == "title")
    assert title["source"] == "Best Neck Spasms PT & Rehab in NYC"
    assert "&amp;amp;" not in text
    assert languages == {
        "source-lang": "en",
        "source-dir": "ltr",
        "target-lang": "ar",
        "target-dir": "rtl",
    }
    assert "localization/translation-editor.js" in text
    # Everything else the editor needs is still there, translations included.
    assert props["locale"]["code"] == "ar"
    assert len(props["initialStringTranslations"]) > 5
    _props, languages, _text = editor_page(admin_client, "es")
    assert (languages["target-lang"], languages["target-dir"]) == ("es", "ltr")
