"""The editor's working day in the browser: the page editor's live preview at every
size, Wagtail's content checks and the reading grade beside them, the admin pages
editors use asking no third party for anything, a duplicate page caught at once, a
clinical reviewer approving a submitted page, and a manager's closure shown on the
clinic page in English, Spanish and Arabic.

The admin journeys need the demo logins, so they run against the admin demo site
(conftest.py: `admin_site`, shared with the other admin modules), leaving the
public-page tests' site as anonymous visitors see it."""

import re
import urllib.request
from datetime import date, timedelta
from urllib.parse import urljoin

from tests.browser.conftest import screenshot, sign_in
from tests.servers import run_manage

EDITOR = ("editor", "clinic-demo-editor")
REVIEWER = ("moderator", "clinic-demo-moderator")
MANAGER = ("manager-midtown", "clinic-demo-frontdesk")
TRAINING = "Closed for staff training"
TRANSLATED_TRAINING = {"es": "Cerrado por formación del personal", "ar": "مغلق لتدريب الموظفين"}
# What translators do in wagtail-localize's editor for the snippet, done here directly.
TRANSLATE_REASON = """
from wagtail.models import Locale
from cms.i18n.translations import translate_from_catalog
from locations.closures import ClosureReason
reason, _ = ClosureReason.objects.get_or_create(name={name!r}, locale=Locale.get_default())
for code, text in {translated!r}.items():
    translate_from_catalog(reason, Locale.objects.get(language_code=code), {{reason.name: text}})
"""
PREVIEW_SIZES = {"mobile": 375, "tablet": 768, "desktop": 1280}


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


def conditions_index_id(page, base):
    """The conditions index's id, from the breadcrumb of a condition page's editor."""
    open_editor(page, base, "neck-spasms")
    explore = [
        href
        for href in page.locator("a[href^='/admin/pages/']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        if re.fullmatch(r"/admin/pages/\d+/", href)
    ]
    return int(explore[-2].split("/")[-2])


def test_an_editor_builds_a_condition_page_sees_its_grade_and_submits_it(admin_base, new_page):
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, EDITOR)
    index_id = conditions_index_id(page, admin_base)
    page.goto(f"{admin_base}/admin/pages/add/conditions/conditionpage/{index_id}/")
    page.fill("#id_title", "Stiff ankle after a sprain")
    page.fill("#id_intro", "An ankle can stay stiff for weeks after a sprain.")
    # Blocks: a Symptoms list, then a paragraph of text.
    page.locator("button[title='Insert a block']").first.click()
    page.get_by_role("option", name=re.compile("Symptoms")).first.click()
    page.fill("input[name='body-0-value-items-0-value']", "The ankle feels tight in the morning.")
    page.locator("button[title='Insert a block']").last.click()
    page.get_by_role("option", name=re.compile("^Text")).first.click()
    editor = page.locator("[data-contentpath='body'] [contenteditable=true]").last
    editor.click()
    editor.type(
        "Most people get better with gentle exercise. Your physical therapist shows you "
        "stretches that loosen the joint capsule and strengthening exercises that "
        "restore your balance."
    )
    # Wagtail 8 autosaves: once the form is valid the new page exists as a draft and
    # the editor's URL becomes its edit URL. The page itself is no duplicate.
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    page.locator("#id_title").press("End")
    page.locator("#id_title").type(" ")
    page.wait_for_timeout(1000)
    assert page.locator("[data-duplicate-reason]").count() == 0
    page.get_by_role("button", name="Save draft").click()
    page.locator(".messages", has_text="Stiff ankle after a sprain' has been updated").wait_for()

    page.click("button[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("main h1").inner_text() == "Stiff ankle after a sprain"
    assert "gentle exercise" in preview.locator("main").inner_text()
    screenshot(page, "editor-new-condition-preview")

    page.click("button[data-side-panel-toggle='checks']")
    grade = page.locator("[data-readability-grade]")
    grade.wait_for()
    assert 0 < float(grade.get_attribute("data-readability-grade")) < 20
    hardest = page.locator("[data-readability-hardest] li").all_inner_texts()
    assert any("stretches that loosen the joint capsule" in item for item in hardest)
    # Template furniture (the clinics list) is not the editor's prose.
    assert not any("Request an appointment" in item for item in hardest)
    screenshot(page, "editor-new-condition-reading-grade")

    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    submit = page.locator("button[name='action-submit']")
    assert "Submit to Clinical review" in submit.inner_text()
    submit.click()
    page.locator(".messages", has_text="has been submitted for moderation").wait_for()
    screenshot(page, "editor-new-condition-submitted")
    assert not watcher.third_party, watcher.third_party

    # A clinical reviewer finds it on their dashboard, approves it, and it is live.
    reviewer, reviewer_watcher = new_page("desktop")
    sign_in(reviewer, admin_base, REVIEWER)
    awaiting = reviewer.locator("a", has_text="Stiff ankle after a sprain").first
    awaiting.click()
    reviewer.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    reviewer.locator("footer [data-w-dropdown-target='toggle']").last.click()
    approve = reviewer.locator("[data-workflow-action-name='approve']").first
    assert "Approve" in approve.inner_text()
    with reviewer.expect_navigation():
        approve.click()
    reviewer.locator(".messages", has_text="Stiff ankle after a sprain").wait_for()
    screenshot(reviewer, "reviewer-approved")
    live = reviewer.request.get(f"{admin_base}/conditions/stiff-ankle-after-a-sprain/")
    assert live.status == 200 and "Stiff ankle after a sprain" in live.text()
    assert not reviewer_watcher.third_party, reviewer_watcher.third_party


def test_a_duplicate_title_is_caught_while_typing(admin_base, new_page):
    page, _watcher = new_page("desktop")
    sign_in(page, admin_base, EDITOR)
    index_id = conditions_index_id(page, admin_base)
    page.goto(f"{admin_base}/admin/pages/add/conditions/conditionpage/{index_id}/")
    page.locator("#id_title").type("Neck spasms")
    warning = page.locator("[data-duplicate-reason]").first
    warning.wait_for()
    assert "neck-spasms" in warning.inner_text()
    link = warning.locator("a")
    assert re.fullmatch(r"/admin/pages/\d+/edit/", link.get_attribute("href"))
    screenshot(page, "editor-duplicate-warning")
    link.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    assert "Neck" in page.locator("#id_title").input_value()


def test_a_manager_adds_a_closure_and_sees_it_on_the_clinic_page(admin_site, new_page):
    admin_base, env = admin_site
    done = run_manage(
        "shell",
        "-c",
        TRANSLATE_REASON.format(name=TRAINING, translated=TRANSLATED_TRAINING),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    page, watcher = new_page("desktop")
    sign_in(page, admin_base, MANAGER)
    panel = page.locator("[data-your-clinic='midtown']")
    assert "Your clinic" in page.content()
    screenshot(page, "manager-dashboard")
    # The sidebar's page explorer offers no edit pencil on the home pages above the
    # clinic, which the manager may not edit.
    page.get_by_role("button", name="Pages").click()
    page.locator(".c-page-explorer__item").first.wait_for()
    page.locator("[data-not-editable]").first.wait_for(state="attached")
    assert page.locator(".c-page-explorer__item__action[href$='/edit/']:visible").count() == 0
    page.keyboard.press("Escape")
    live_url = urljoin(admin_base, panel.locator("a", has_text="View live").get_attribute("href"))
    panel.locator("a", has_text="Edit hours").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    day = (date.today() + timedelta(days=3)).isoformat()
    before = int(page.locator("#id_hours_exceptions-TOTAL_FORMS").input_value())
    page.click("#id_hours_exceptions-ADD")
    page.fill(f"#id_hours_exceptions-{before}-date", day)
    page.keyboard.press("Escape")  # the date picker
    page.select_option(f"#id_hours_exceptions-{before}-reason", label=TRAINING)
    screenshot(page, "manager-closure-with-reason")
    edit_url = page.url
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.locator("button[name='action-publish']").click()
    assert "published" in page.locator(".messages").inner_text()
    # Listed in date order when the page is opened again.
    page.goto(edit_url)
    dates = page.locator("input[name$='-date'][name^='hours_exceptions-']").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    assert dates == sorted(dates) and day in dates
    page.goto(admin_base + "/admin/")
    assert TRAINING in page.locator("[data-your-clinic='midtown']").inner_text()
    # On the clinic page in English, Spanish and Arabic, each in its own words.
    page.goto(live_url)
    assert TRAINING in page.locator(".closures").inner_text()
    screenshot(page, "manager-closure-on-clinic-page")
    translated = {
        code: urljoin(live_url, page.locator(f"a[hreflang='{code}']").first.get_attribute("href"))
        for code in TRANSLATED_TRAINING
    }
    for code, url in translated.items():
        page.goto(url)
        assert page.locator("html").get_attribute("lang").startswith(code)
        closures = page.locator(".closures").inner_text()
        assert TRANSLATED_TRAINING[code] in closures and TRAINING not in closures, code
        screenshot(page, f"manager-closure-on-clinic-page-{code}")
    assert not watcher.third_party, watcher.third_party
