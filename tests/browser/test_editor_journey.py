"""The editor's working day in the browser: the page editor's live preview at every
size, Wagtail's content checks and the reading grade beside them, the admin pages
editors use asking no third party for anything, a duplicate page caught at once.

The admin journeys need the demo logins, so they run against a demo site of their
own (scratch database and gunicorn), leaving the public-page tests' site as
anonymous visitors see it."""

import re
import urllib.request

import pytest

from tests.browser.conftest import _require_chromium, screenshot
from tests.servers import gunicorn, prepare_site, production_env, scratch_database

EDITOR = ("editor", "clinic-demo-editor")
PREVIEW_SIZES = {"mobile": 375, "tablet": 768, "desktop": 1280}


@pytest.fixture(scope="module")
def admin_base(tmp_path_factory):
    _require_chromium()
    tmp_path = tmp_path_factory.mktemp("editor-site")
    with scratch_database(tmp_path) as database_url:
        env = production_env(
            tmp_path, database_url, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0"
        )
        prepare_site(env, demo_users=True)
        with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as base:
            yield base


def sign_in(page, base, login):
    username, password = login
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def open_editor(page, base, slug):
    """The edit view of the page with this slug, found through the admin's search."""
    page.goto(f"{base}/admin/pages/search/?q={slug}")
    page.locator("a[href*='/edit/']").first.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    return page.url


def test_preview_panel_shows_the_page_at_every_size(admin_base, new_page):
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, EDITOR)
    open_editor(page, admin_base, "neck-spasms")
    page.click("button[data-side-panel-toggle='preview']")
    frame = page.frame_locator("#w-preview-iframe")
    for size, width in PREVIEW_SIZES.items():
        page.click(f"input[name='preview-size'][value='{size}']", force=True)
        heading = frame.locator("main h1")
        heading.wait_for()
        assert "Neck" in heading.inner_text()
        frame_width = page.evaluate(
            "() => document.getElementById('w-preview-iframe').contentWindow.innerWidth"
        )
        assert frame_width == width, (size, frame_width)
        screenshot(page, f"editor-preview-{size}")
    assert not watcher.third_party, watcher.third_party
    assert not [e for e in watcher.console_errors if "Content Security Policy" in e]


def test_checks_panel_shows_figures_and_the_reading_grade(admin_base, new_page):
    page, _watcher = new_page("desktop")
    sign_in(page, admin_base, EDITOR)
    open_editor(page, admin_base, "neck-spasms")
    page.click("button[data-side-panel-toggle='checks']")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)"
    )
    assert int(page.locator("[data-content-word-count]").inner_text().replace(",", "")) > 100
    assert re.search(r"\d", page.locator("[data-content-reading-time]").inner_text())
    assert page.locator("[data-content-readability-score]").inner_text().strip() != "-"
    grade = page.locator("[data-readability-grade]")
    grade.wait_for()
    assert 0 < float(grade.get_attribute("data-readability-grade")) < 20
    assert page.locator("[data-readability-hardest] li").count() == 3
    screenshot(page, "editor-checks-and-reading-grade")


ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/images/"]


def test_the_admin_pages_editors_use_ask_no_third_party(admin_base, new_page):
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, EDITOR)
    for path in ADMIN_PAGES:
        page.goto(admin_base + path)
        page.wait_for_load_state("networkidle")
    open_editor(page, admin_base, "neck-spasms")
    page.click("button[data-side-panel-toggle='preview']")
    page.frame_locator("#w-preview-iframe").locator("main h1").wait_for()
    page.wait_for_load_state("networkidle")
    assert not watcher.third_party, watcher.third_party
    avatars = page.locator("img[src*='avatar']")
    assert avatars.count() >= 1
    assert avatars.first.evaluate("img => img.complete && img.naturalWidth > 0")


def test_public_pages_stay_unframeable(admin_base):
    with urllib.request.urlopen(f"{admin_base}/conditions/neck-spasms/") as response:  # noqa: S310
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
