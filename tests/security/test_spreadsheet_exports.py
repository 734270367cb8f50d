"""Every admin export, not only the appointment requests': what the public types into
the site search lands in the "Search terms" report, and its CSV must not run as a
formula either (cms/security/spreadsheets.py)."""

import csv
import io

import pytest
from django.urls import reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from cms.security.spreadsheets import FORMULA_TRIGGERS, neutralise_cell

pytestmark = pytest.mark.django_db


def test_a_search_term_exports_as_text(client, admin_client):
    typed = '=HYPERLINK("http://attacker.example","Click")'
    assert client.get("/search/", {"q": typed}).status_code == 200
    response = admin_client.get(reverse("wagtailsearchpromotions:search_terms") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    terms = [row["Search term(s)"] for row in csv.DictReader(io.StringIO(body, newline=""))]
    assert terms and all(not term.startswith(FORMULA_TRIGGERS) for term in terms), terms
    assert any(term.startswith("'=hyperlink(") for term in terms), terms


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_each_trigger_is_neutralised_and_other_cells_kept(trigger):
    assert neutralise_cell(trigger + "1+1") == "'" + trigger + "1+1"
    for kept in ["Pat Example", "(212) 555-0101", "", 42, None, "a=b"]:
        assert neutralise_cell(kept) == kept
    assert SpreadsheetExportMixin.preprocess_field_value.neutralises_formulas
