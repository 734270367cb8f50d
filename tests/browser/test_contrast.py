"""WCAG 2.1 AA contrast from Chromium's computed styles, not axe's sampling: on every
demo clinic page and one page of each other type (with the forms' error states and
every disclosure opened), each visible text against its effective background meets
4.5:1 (3:1 for large text) and each text field's boundary 3:1 (tests/browser/contrast.js
says what is measured and how). Subway bullets included: every route of the demo's
clinics is measured here, every route there is in tests/locations/test_route_bullets.py."""

from pathlib import Path

import pytest

from demo.loader import read
from tests.browser.pages import PAGES

CONTRAST_SCRIPT = (Path(__file__).parent / "contrast.js").read_text()
OPEN_DISCLOSURES = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
DEMO_CLINICS = sum(
    len(entry["rows"]) for entry in read("locations") if entry["model"] == "locations.LocationPage"
)

# States of a page type that show colours its first view does not.
STATES = {
    # The appointment form sent empty: the error summary and every field's error.
    "appointment-errors": ("/locations/midtown/appointment/", "main form button[type=submit]"),
    # A ZIP code the finder cannot read.
    "finder-error": ("/locations/?zip=1", None),
}


def measure(page):
    page.evaluate(OPEN_DISCLOSURES)
    return page.evaluate(CONTRAST_SCRIPT)


def assert_contrast(path, result):
    assert result["measured"] > 20, f"{path}: only {result['measured']} pairs measured"
    assert not result["unmeasured"], f"{path}: cannot measure\n" + "\n".join(result["unmeasured"])
    assert not result["problems"], f"{path}:\n" + "\n".join(result["problems"])


@pytest.fixture(scope="module")
def clinic_paths(browser, base_url):
    """Every clinic the location index lists (the demo's, all of them)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "/locations/")
        hrefs = page.eval_on_selector_all(
            ".clinic-card h3 a", "links => links.map(a => new URL(a.href).pathname)"
        )
    finally:
        context.close()
    paths = sorted(set(hrefs))
    assert len(paths) == DEMO_CLINICS, paths
    return paths


def test_every_demo_clinic_page(new_page, base_url, clinic_paths):
    page, _watcher = new_page("phone")
    bullets = 0
    for path in clinic_paths:
        response = page.goto(base_url + path)
        assert response.status == 200, path
        result = measure(page)
        assert_contrast(path, result)
        bullets += result["bullets"]
    assert bullets >= 20, f"only {bullets} subway bullets measured on the clinic pages"


@pytest.mark.parametrize("case", [c for c in PAGES if c.id != "location"], ids=str)
def test_page_type(new_page, base_url, case):
    page, _watcher = new_page("phone")
    response = page.goto(base_url + case.path)
    assert response.status == case.status, case.path
    assert_contrast(case.path, measure(page))


@pytest.mark.parametrize("state", list(STATES))
def test_error_state(new_page, base_url, state):
    path, submit = STATES[state]
    page, _watcher = new_page("phone")
    page.goto(base_url + path)
    if submit:
        page.click(submit)
        page.wait_for_load_state()
    assert page.locator("[aria-invalid=true]").count(), f"{state}: no field shows an error"
    assert_contrast(f"{path} ({state})", measure(page))
