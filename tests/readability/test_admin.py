"""The reading-grade endpoint, the reviewers' report and the target-grade setting,
through the admin over HTTP."""

import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from cms.models import SiteSettings
from conditions.models import ConditionPage
from readability.grade import measure
from readability.text import page_text

pytestmark = pytest.mark.django_db

PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def post_measure(client, payload):
    return client.post(
        reverse("readability_measure"), data=payload, content_type="application/json"
    )


def test_the_endpoint_measures_english_against_the_site_target(admin_client, site):
    response = post_measure(admin_client, json.dumps({"text": PLATYPUS, "language": "en"}))
    assert response.status_code == 200
    result = response.json()
    assert result["grade"] == pytest.approx(11.3, abs=0.05)
    assert result["target"] == 8
    assert result["above_target"] is True
    assert result["hardest"][0]["text"] == PLATYPUS

    settings = SiteSettings.for_site(site)
    settings.readability_target_grade = 12
    settings.save()
    result = post_measure(admin_client, json.dumps({"text": PLATYPUS, "language": "en"})).json()
    assert (result["target"], result["above_target"]) == (12, False)


def test_the_endpoint_measures_spanish_and_says_when_it_cannot(admin_client):
    spanish = post_measure(
        admin_client, json.dumps({"text": "El perro come carne.", "language": "es"})
    ).json()
    assert spanish["measured"] is True
    assert set(spanish["scores"]) == {"fernandez_huerta", "szigriszt_pazos"}
    chinese = post_measure(admin_client, json.dumps({"text": "颈部痉挛。", "language": "zh-hans"}))
    assert chinese.status_code == 200
    assert chinese.json()["measured"] is False


@pytest.mark.parametrize("body", ["not json", json.dumps({"language": "en"}), json.dumps([1])])
def test_bad_input_is_a_clear_400(admin_client, body):
    response = post_measure(admin_client, body)
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_endpoint_is_behind_the_admin_login(client):
    response = post_measure(client, json.dumps({"text": PLATYPUS, "language": "en"}))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_page_editor_loads_the_reading_grade_script(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    body = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.id])).content.decode()
    assert "readability/editor.js" in body
    assert reverse("readability_measure") in body


def test_the_report_lists_pages_above_the_target_worst_first(admin_client, site):
    settings = SiteSettings.for_site(site)
    settings.readability_target_grade = 1
    settings.save()
    response = admin_client.get(reverse("readability_report"))
    assert response.status_code == 200
    body = response.content.decode()
    english = ConditionPage.objects.live().filter(locale__language_code="en").specific()
    grades = sorted(
        ((measure(page_text(page), "en").grade, page.title) for page in english), reverse=True
    )
    assert len(grades) >= 3
    positions = [body.index(f">{escape(title)}</a>") for _grade, title in grades]
    assert positions == sorted(positions), "worst first"
    assert 'data-readability-report="es"' in body


def test_a_page_at_or_below_the_target_is_not_listed(admin_client, site):
    settings = SiteSettings.for_site(site)
    settings.readability_target_grade = 18
    settings.save()
    body = admin_client.get(reverse("readability_report")).content.decode()
    assert "data-readability-report" not in body
    assert "Every page reads at or below grade 18" in body


def test_page_text_reads_the_prose_not_the_metadata(page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    text = page_text(page)
    assert page.intro in text
    assert page.search_description not in text or page.search_description in page.intro
    assert len(text.split()) > 200
