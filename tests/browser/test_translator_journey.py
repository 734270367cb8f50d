"""A translator's journey in the admin, in Chromium: sign in, land on the
translations board, start a Spanish translation of a page nobody translated yet,
translate strings in wagtail-localize's editor, submit it for clinical review; and an
Arabic translator's fields running right to left, source text shown as typed."""

import json
import re

import pytest

from tests.browser.conftest import screenshot
from tests.conftest import run_manage

PASSWORD = "journey-password-1234"
# Translators in the per-language groups cms.editorial.roles keeps ("Translators: Spanish", with
# page permissions on that language's home page only).
MAKE_TRANSLATORS = """
import json
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from cms.editorial import roles
roles.apply_roles()
for username, code in (("tr-es", "es"), ("tr-ar", "ar")):
    group = roles.translators_group(Locale.objects.get(language_code=code))
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.set_password(PASSWORD)
    user.save()
    user.groups.set([group])
from conditions.models import ConditionPage
neck = ConditionPage.objects.get(locale=Locale.get_default(), slug="neck-spasms")
arabic = neck.get_translation(Locale.objects.get(language_code="ar"))
print(json.dumps({"arabic_neck": arabic.pk}))
"""


# Every string of a Spanish translation (the page id is filled in) not translated yet.
FINISH_TRANSLATION = """
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
page = Page.objects.get(pk=%s)
translation = Translation.objects.get(
    source__object_id=page.translation_key, target_locale=page.locale
)
for segment in StringSegment.objects.filter(source=translation.source):
    StringTranslation.objects.get_or_create(
        translation_of=segment.string, locale=page.locale, context=segment.context,
        defaults={"data": "[es] " + segment.string.data, "updated_at": timezone.now()},
    )
"""


@pytest.fixture(scope="module")
def translators(live_site):
    code = f"PASSWORD = {PASSWORD!r}\n" + MAKE_TRANSLATORS
    result = run_manage("shell", "-c", code, env=live_site["env"])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def sign_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def script_errors(watcher):
    """Errors of the page's own scripts (the admin's blocked third-party avatars and
    update check are reported by the browser as CSP errors; those are not ours)."""
    return [
        error
        for error in watcher.console_errors
        if "Content Security Policy" not in error and "releases.wagtail.org" not in error
    ]


def translate_segment(page, index, text):
    """Click the index-th "Translate" button, type, save, wait until saved."""
    page.locator(".js-translation-editor button", has_text=re.compile("^Translate$")).nth(
        index
    ).click()
    field = page.locator(".js-translation-editor textarea").first
    field.fill(text)
    page.locator(".js-translation-editor button", has_text=re.compile("^Save$")).first.click()
    page.locator(".js-translation-editor p", has_text=text).first.wait_for()
    page.get_by_text("Saving...").wait_for(state="detached")


def test_translator_journey_board_translate_submit(new_page, live_site, translators):
    base = live_site["base"]
    page, watcher = new_page("desktop")
    sign_in(page, base, "tr-es")

    # The dashboard opens on the translator's languages, with the board one click away.
    panel = page.locator("#translations-board-section, [id^=translations-board]").first
    panel.wait_for()
    assert page.locator("tr[data-language=es]").count() >= 1
    assert page.locator("tr[data-language=ar]").count() == 0
    screenshot(page, "translator-01-dashboard")
    page.get_by_role("link", name="Open the translations board").click()
    page.wait_for_url(re.compile(r"/admin/translations/"))
    # Spanish comes first among the languages for a Spanish translator.
    first_language = page.locator(".translations-board__grid thead th").nth(1)
    assert first_language.get_attribute("lang") == "es"

    # Filter: Spanish condition pages not started yet.
    page.select_option("select[name=language]", "es")
    page.select_option("select[name=kind]", "conditions.conditionpage")
    page.select_option("select[name=status]", "not_started")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"status=not_started"))
    screenshot(page, "translator-02-board-filtered")
    row = page.locator(".translations-board__grid tbody tr").first
    title = row.locator("th a").inner_text()
    cell = row.locator("td[data-language=es]")
    assert cell.get_attribute("data-status") == "not_started"

    # Start: a draft, opened in wagtail-localize's translation editor.
    cell.get_by_role("button", name=re.compile("^Start")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    edit_url = page.url
    page.locator(".js-translation-editor li").first.wait_for()
    assert "nothing is live yet" in page.locator(".messages").inner_text()
    screenshot(page, "translator-03-editor-started")

    # Translate two strings through the editor (its own endpoints save each one).
    translate_segment(page, 0, f"{title} (ES) — fisioterapia")
    translate_segment(page, 0, "Texto traducido por la traductora")
    screenshot(page, "translator-04-editor-translated")
    # Reloaded, the editor shows what was saved.
    page.reload()
    page.locator(".js-translation-editor li").first.wait_for()
    assert page.get_by_text("Texto traducido por la traductora").count() >= 1

    # Back on the board the cell counts the translated strings.
    page.goto(base + "/admin/translations/?language=es&kind=conditions.conditionpage")
    row = page.locator(".translations-board__grid tbody tr", has_text=title).first
    cell = row.locator("td[data-language=es]")
    assert cell.get_attribute("data-status") == "in_progress"
    assert re.search(r"\b2/\d+ strings", cell.inner_text())
    screenshot(page, "translator-05-board-in-progress")

    # Submit for clinical review (a translator may not publish condition pages).
    page_id = re.search(r"/admin/pages/(\d+)/edit/", edit_url).group(1)
    page.goto(f"{base}/admin/conditions/submit-for-review/{page_id}/")
    # Two strings of many: a clinical page is submitted only fully translated, and the
    # screen lists what is left.
    assert "Untranslated or out-of-date segments" in page.locator("[role=alert]").inner_text()
    assert page.get_by_role("button", name="Submit for clinical review").count() == 0
    screenshot(page, "translator-06-submit-refused")
    # The translator finishes the rest (as the editor saves each string), then submits.
    result = run_manage("shell", "-c", FINISH_TRANSLATION % page_id, env=live_site["env"])
    assert result.returncode == 0, result.stderr
    page.reload()
    page.get_by_role("button", name="Submit for clinical review").click()
    page.wait_for_load_state()
    screenshot(page, "translator-06-submitted")
    page.goto(base + "/admin/translations/?language=es&kind=conditions.conditionpage")
    cell = page.locator(".translations-board__grid tbody tr", has_text=title).first.locator(
        "td[data-language=es]"
    )
    assert cell.get_attribute("data-status") == "review"
    assert "Awaiting clinical review" in cell.inner_text()
    # The Spanish page is not live: its public URL does not answer.
    assert script_errors(watcher) == []


def test_arabic_fields_are_right_to_left_and_text_shows_as_typed(new_page, live_site, translators):
    base = live_site["base"]
    page, watcher = new_page("desktop")
    sign_in(page, base, "tr-ar")
    page.goto(f"{base}/admin/pages/{translators['arabic_neck']}/edit/")
    editor = page.locator(".js-translation-editor")
    value = editor.locator("li > p + div").first
    value.wait_for()
    assert value.get_attribute("lang") == "ar"
    assert value.get_attribute("dir") == "rtl"
    assert value.evaluate("e => getComputedStyle(e).direction") == "rtl"
    source = value.locator("xpath=preceding-sibling::p[1]")
    assert source.get_attribute("dir") == "ltr" and source.get_attribute("lang") == "en"
    # The English title was typed with "&": it shows so, never as an entity.
    assert "PT & Rehab" in editor.inner_text()
    assert "&amp;" not in editor.inner_text()
    assert "&amp;amp;" not in page.content()

    # The field a translator types into runs right to left too.
    editor.get_by_role("button", name="Edit").first.click()
    field = editor.locator("textarea").first
    assert field.get_attribute("dir") == "rtl" and field.get_attribute("lang") == "ar"
    assert field.evaluate("e => getComputedStyle(e).direction") == "rtl"
    field.press("End")
    screenshot(page, "translator-07-arabic-editor-rtl")
    assert script_errors(watcher) == []


# The English intro of the neck-spasms page changes and is published; a clinical review
# of the Spanish page was already under way (submitted before the change). Prints the
# Spanish page's id and public URL.
CHANGE_ENGLISH = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale
from cms.editorial import roles
from conditions.models import ConditionPage
roles.apply_roles()
reviewer, _ = get_user_model().objects.get_or_create(username="rev-journey")
reviewer.set_password(PASSWORD)
reviewer.save()
reviewer.groups.set([Group.objects.get(name=roles.CLINICAL_REVIEWERS)])
neck = ConditionPage.objects.get(locale=Locale.get_default(), slug="neck-spasms")
spanish = neck.get_translation(Locale.objects.get(language_code="es"))
spanish.get_workflow().start(spanish, reviewer)
neck.intro = NEW_INTRO
neck.save_revision().publish()
print(json.dumps({"id": spanish.pk, "url": spanish.url, "english": neck.url}))
"""
NEW_INTRO = "Neck spasms are sudden, involuntary tightenings of the neck muscles."

# [text, language of its nearest element with a lang attribute] for every text in
# <main>, leaving out clinic names and addresses (proper names, the same in English).
MAIN_TEXTS = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.textContent.trim();
    if (!text || node.parentElement.closest(".our-locations")) continue;
    const holder = node.parentElement.closest("[lang]");
    found.push([text, holder ? holder.getAttribute("lang") : null]);
  }
  return found;
}"""


def sentences(text):
    return [part.strip() for part in re.split(r"(?<=[.!?])\s+", text) if len(part.strip()) > 12]


def test_an_english_change_meets_the_translator_and_the_reviewer(new_page, live_site, translators):
    base = live_site["base"]
    code = f"PASSWORD = {PASSWORD!r}\nNEW_INTRO = {NEW_INTRO!r}\n" + CHANGE_ENGLISH
    result = run_manage("shell", "-c", code, env=live_site["env"])
    assert result.returncode == 0, result.stderr
    spanish = json.loads(result.stdout.strip().splitlines()[-1])

    # The translator leaves the changed intro alone and tries to submit: refused, with
    # the segment listed (the new English, and the Spanish shown until updated).
    page, watcher = new_page("desktop")
    sign_in(page, base, "tr-es")
    page.goto(f"{base}/admin/conditions/submit-for-review/{spanish['id']}/")
    # The review under way before the change goes on (the facts' republish keeps it).
    assert "already in clinical review" in page.locator("main").inner_text()
    assert "Untranslated or out-of-date segments" in page.locator("[role=alert]").inner_text()
    listed = page.locator(".pending-segment--outdated")
    assert NEW_INTRO in listed.inner_text() and "Muchas personas" in listed.inner_text()
    assert page.get_by_role("button", name="Submit for clinical review").count() == 0
    screenshot(page, "translator-08-outdated-refused")

    # The reviewer approves the review already under way: refused, sent to the status
    # page that says why and lists the segment.
    reviewer, _watcher = new_page("desktop")
    sign_in(reviewer, base, "rev-journey")
    reviewer.goto(f"{base}/admin/pages/{spanish['id']}/edit/")
    token = next(c["value"] for c in reviewer.context.cookies() if c["name"] == "csrftoken")
    task_state = run_manage(
        "shell",
        "-c",
        "from wagtail.models import WorkflowState\n"
        f"print(WorkflowState.objects.get(object_id='{spanish['id']}', status='in_progress')"
        ".current_task_state_id)",
        env=live_site["env"],
    )
    assert task_state.returncode == 0, task_state.stderr
    task_id = task_state.stdout.strip().splitlines()[-1]
    approve = reviewer.request.post(
        f"{base}/admin/pages/workflow/action/{spanish['id']}/approve/{task_id}/",
        form={"comment": ""},
        headers={"X-CSRFToken": token, "Referer": f"{base}/admin/"},
        max_redirects=0,
    )
    assert approve.status == 302
    assert approve.headers["location"].endswith(f"/admin/translations/status/{spanish['id']}/")
    reviewer.goto(base + approve.headers["location"])
    assert "Not approved" in reviewer.locator(".messages").inner_text()
    assert NEW_INTRO in reviewer.locator(".pending-segment--outdated").inner_text()
    screenshot(reviewer, "reviewer-01-approval-refused")

    # The live Spanish page, sentence by sentence: no English outside lang="en".
    patient, patient_watcher = new_page("desktop")
    patient.goto(base + spanish["english"])
    english = {s for text, _lang in patient.evaluate(MAIN_TEXTS) for s in sentences(text)}
    patient.goto(base + spanish["url"])
    assert patient.locator("html").get_attribute("lang") == "es"
    shown = patient.evaluate(MAIN_TEXTS)
    assert any("Muchas personas" in text for text, _lang in shown)
    assert patient.locator(".outdated-translation").count() == 1
    unmarked = [
        sentence
        for text, lang in shown
        if lang != "en"
        for sentence in sentences(text)
        if sentence in english
    ]
    assert unmarked == []
    assert NEW_INTRO not in [text for text, lang in shown if lang != "en"]
    assert script_errors(watcher) == [] and script_errors(patient_watcher) == []
