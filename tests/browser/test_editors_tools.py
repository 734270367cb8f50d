"""The editor's tools work when clicked, in the order Wagtail loads its scripts, and
no one's edit is silently overwritten:

- "Add related condition" opens Wagtail's page chooser at the page's own language's
  conditions (no locale menu, not the page itself); the chosen page is saved and
  shown on the page in English and in its Spanish translation;
- two people edit one page: the second save, made from a form opened before the
  first one's, is refused with who and when, and nothing is lost;
- no project script throws on any admin page the project customises, for any role.

Runs on the admin demo site (conftest.py: `admin_site`)."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import screenshot, sign_in
from tests.servers import fetch

ADMIN = ("admin", "clinic-demo-admin")
EDITOR = ("editor", "clinic-demo-editor")
REVIEWER = ("moderator", "clinic-demo-moderator")
MANAGER = ("manager-midtown", "clinic-demo-frontdesk")
TRANSLATOR = ("translator-es", "clinic-demo-translator")
# Wagtail's "new version available" check, which our content security policy blocks
# (no third party from the admin); not a project script.
WAGTAIL_UPDATE_CHECK = "releases.wagtail.org"


def api_page(page, base, **params):
    """(id, public URL on this server) of the one live page the read-only API finds."""
    found = page.request.get(f"{base}/api/v2/pages/", params=params).json()["items"]
    assert len(found) == 1, (params, found)
    return found[0]["id"], base + urlsplit(found[0]["meta"]["html_url"]).path


def script_errors(watcher):
    return [e for e in watcher.console_errors if WAGTAIL_UPDATE_CHECK not in e]


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.locator("button[name='action-publish']").click()
    assert "published" in page.locator(".messages").inner_text()


def test_a_related_condition_is_chosen_saved_and_shown_in_english_and_spanish(admin_base, new_page):
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, REVIEWER)
    neck_id, neck_url = api_page(page, admin_base, slug="neck-spasms", locale="en")
    page.goto(f"{admin_base}/admin/pages/{neck_id}/edit/")
    page.click("#id_related_conditions-OPEN_MODAL")  # "Add related condition"
    modal = page.locator(".modal-content")
    modal.locator(".page-results table").wait_for()
    offered = modal.locator(".page-results").inner_text()
    assert "Tennis Elbow" in offered and "Sciatica" in offered
    assert "Neck Spasms" not in offered  # not the page itself
    assert "Conditions we treat" in offered  # opened at this language's conditions
    assert modal.locator("[data-locale-selector-link]").count() == 0  # no other language
    modal.locator("tr", has_text="Tennis Elbow").locator("input[type=checkbox]").check()
    modal.locator("[data-multiple-choice-submit]").click()
    rows = page.locator("#id_related_conditions-FORMS")
    rows.get_by_text("Tennis Elbow").wait_for()
    screenshot(page, "related-condition-chosen")
    publish(page)
    assert not script_errors(watcher), watcher.console_errors
    # On the page, in English and in its Spanish translation (the rows are facts
    # synchronized on publish; Tennis Elbow has no Spanish page, so it links to English).
    page.goto(neck_url)
    related = page.locator(".condition__related")
    assert "tennis elbow" in related.inner_text().lower()
    page.goto(urljoin(neck_url, page.locator("a[hreflang='es']").first.get_attribute("href")))
    assert page.locator("html").get_attribute("lang").startswith("es")
    assert "tennis elbow" in page.locator(".condition__related").inner_text().lower()


def test_a_stale_save_is_refused_and_nothing_is_lost(admin_base, new_page):
    """Two people open the same page; one saves; the other's save, from the form they
    opened before, is refused naming who and when, and keeps their text."""
    first, first_watcher = new_page("desktop")
    second, _watcher = new_page("desktop")
    sign_in(first, admin_base, EDITOR)
    sign_in(second, admin_base, ADMIN)
    page_id, _url = api_page(first, admin_base, type="home.LanguageAssistancePage", locale="en")
    edit_url = f"{admin_base}/admin/pages/{page_id}/edit/"
    first.goto(edit_url)
    second.goto(edit_url)
    second.fill("#id_intro", "Saved first, by the administrator.")
    with second.expect_navigation():
        second.click("button.action-save")
    assert "updated" in second.locator(".messages").inner_text()
    first.fill("#id_intro", "Typed second, by the editor.")
    first.click("button.action-save")
    # Wagtail may already know (its autosave was refused) and ask first; either way the
    # server decides.
    confirm = first.get_by_role("dialog").get_by_role("button", name="Save draft")
    try:
        confirm.click(timeout=3_000)
    except Exception:  # noqa: BLE001, S110 - no dialog: the form went straight to the server
        pass
    message = first.locator(".messages")
    message.get_by_text("saved a newer version of this page").wait_for()
    text = message.inner_text()
    assert "admin saved a newer version of this page on" in text, text
    assert re.search(r"\b(EST|EDT)\b", text), text
    assert first.locator(".messages a[href*='/revisions/compare/']").count() == 1
    assert first.input_value("#id_intro") == "Typed second, by the editor."  # kept
    screenshot(first, "stale-save-refused")
    second.goto(edit_url)  # the colleague's draft is still the latest
    assert second.input_value("#id_intro") == "Saved first, by the administrator."
    assert not script_errors(first_watcher), first_watcher.console_errors


# The admin endpoints the project's scripts call.
PROJECT_ENDPOINTS = ["/admin/duplicate-pages/", "/admin/editable-pages/", "/admin/readability/"]

# Each role's admin pages that the project customises (dashboard panels, editors'
# scripts, choosers, reports, the translations board, the requests list).
# (The reviewer's condition editor and the editor's language-assistance editor are
# watched in the tests above.)
ROLE_PAGES = {
    EDITOR: [
        "/admin/",
        "/admin/pages/{neck}/edit/",
        "/admin/pages/add/conditions/conditionpage/{conditions}/",
        "/admin/reports/reading-grade/",
        "/admin/translations/",
    ],
    REVIEWER: ["/admin/"],
    MANAGER: ["/admin/", "/admin/pages/{midtown}/edit/", "/admin/appointment_requests/"],
    TRANSLATOR: ["/admin/", "/admin/translations/", "/admin/pages/{neck_es}/edit/"],
    ADMIN: ["/admin/", "/admin/pages/{neck}/edit/"],
}


@pytest.fixture(scope="module")
def page_ids(admin_base):
    """The ids of the pages ROLE_PAGES opens, from the read-only API."""
    queries = {
        "neck": "slug=neck-spasms&locale=en",
        "neck_es": "slug=espasmos-de-cuello&locale=es",
        "conditions": "slug=conditions&locale=en",
        "midtown": "slug=midtown&locale=en",
    }
    ids = {}
    for name, query in queries.items():
        _status, body = fetch(f"{admin_base}/api/v2/pages/?{query}")
        [item] = json.loads(body)["items"]
        ids[name] = item["id"]
    return ids


@pytest.mark.parametrize("login", ROLE_PAGES, ids=[login for login, _pw in ROLE_PAGES])
def test_no_project_script_throws_on_an_admin_page(admin_base, page_ids, new_page, login):
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, login)
    for path in ROLE_PAGES[login]:
        url = admin_base + path.format(**page_ids)
        response = page.goto(url)
        assert response.status == 200, (url, response.status)
        page.wait_for_load_state("load")
        if "/add/conditions/" in path:
            # On create too, "Add related condition" opens the chooser.
            page.click("#id_related_conditions-OPEN_MODAL")
            page.locator(".modal-content .page-results table").wait_for()
        page.wait_for_timeout(300)  # the deferred scripts' first requests
        errors = script_errors(watcher)
        assert not errors, (login[0], path, errors)
        ours = [url for url in watcher.failed if any(e in url for e in PROJECT_ENDPOINTS)]
        assert not ours, (login[0], path, ours)
