"""Nothing a translator wrote is replaced by English without the translator choosing
it. When the English text of a segment changes, its previous translation is kept and
shown (with the page's outdated notice) until the translator updates it; a clinical
page cannot be submitted or approved until then, and the submit and review screens
list every segment untranslated or out of date."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from localization.models import OutdatedTranslation
from localization.revisions import save_translation_revision
from tests.localization.conftest import (
    LANGUAGES,
    translate_missing_strings,
    translation_record,
    workflow_action,
)
from tests.localization.test_source_publish import edit, notice_on

pytestmark = pytest.mark.django_db

NEW_INTRO = "Neck spasms are sudden, involuntary tightenings of the neck muscles."


def live_intro(client, page):
    """The intro of the live page, as a patient reads it."""
    client.logout()
    html = client.get(type(page).objects.get(pk=page.pk).url).content.decode()
    return (
        BeautifulSoup(html, "html.parser")
        .select_one(".intro, .condition__intro")
        .get_text(" ", strip=True)
    )


def change_english_intro(login, users, english):
    edit(login(users["editor"]), english, "submit", intro=NEW_INTRO)
    assert workflow_action(login(users["moderator"]), english, "approve").status_code == 302


def test_an_english_change_keeps_every_translation_and_blocks_clinical_submit(
    client, login, users, neck_spasms
):
    english, translations = neck_spasms
    before = {code: live_intro(client, page) for code, page in translations.items()}
    assert "Muchas personas" in before["es"]
    change_english_intro(login, users, english)
    for code, page in translations.items():
        # The live page still reads as the translator wrote it, with the notice.
        assert live_intro(client, page) == before[code], code
        assert notice_on(client, page, code) is not None, code
        # A revision built for review holds the translator's text, not the English.
        revision = save_translation_revision(type(page).objects.get(pk=page.pk))
        assert revision.as_object().intro == type(page).objects.get(pk=page.pk).intro, code

    # The Spanish translator tries "Submit for clinical review" without touching it.
    spanish = translations["es"]
    translator = login(users["translator-es"])
    submit = reverse("conditions_submit_for_review", args=[spanish.pk])
    screen = translator.get(submit).content.decode()
    assert "pending-segment--outdated" in screen and NEW_INTRO in screen
    assert "Muchas personas" in screen  # the translation shown until updated
    assert 'type="submit"' not in screen.split("pending-segments")[-1]
    refused = translator.post(submit)
    assert refused.status_code == 409
    assert not WorkflowState.objects.filter(object_id=str(spanish.pk)).exists()
    assert live_intro(client, spanish) == before["es"]

    # Updated in the translation editor, it is submitted, approved and live.
    translator = login(users["translator-es"])
    assert translate_missing_strings(translator, english, "es") == [NEW_INTRO]
    assert "pending-segment--" not in translator.get(submit).content.decode()
    assert translator.post(submit).status_code == 302
    assert workflow_action(login(users["moderator"]), spanish, "approve").status_code == 302
    assert live_intro(client, spanish) == f"[new] {NEW_INTRO}"
    assert not OutdatedTranslation.objects.filter(page_id=spanish.pk).exists()


def test_a_reviewer_cannot_approve_a_clinical_translation_left_behind(
    client, login, users, neck_spasms
):
    english, translations = neck_spasms
    # The English changed; a review was started on each translation anyway (not
    # through "Submit for clinical review", which refuses it).
    change_english_intro(login, users, english)
    for code in LANGUAGES:
        page = translations[code]
        page.get_workflow().start(page, users["admin"])
    moderator = login(users["moderator"])
    for code in LANGUAGES:
        page = translations[code]
        live_before = type(page).objects.get(pk=page.pk).live_revision_id
        response = workflow_action(moderator, page, "approve")
        assert response.status_code == 302
        status_url = reverse("localization_status", args=[page.pk])
        assert response["Location"] == status_url, code
        assert type(page).objects.get(pk=page.pk).live_revision_id == live_before, code
        screen = moderator.get(status_url).content.decode()
        assert "pending-segment--outdated" in screen and NEW_INTRO in screen, code
        assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress")


def test_machine_translated_segments_are_confirmed_before_clinical_review(
    login, users, neck_spasms
):
    english, translations = neck_spasms
    spanish = translations["es"]
    translation = translation_record(english, "es")
    machine = StringTranslation.objects.filter(
        context__object_id=english.translation_key,
        context__path="intro",
        locale=translation.target_locale,
    ).get()
    machine.translation_type, machine.tool_name = "machine", "DeepL"
    machine.save()
    translator = login(users["translator-es"])
    submit = reverse("conditions_submit_for_review", args=[spanish.pk])
    assert "pending-segment--machine" in translator.get(submit).content.decode()
    assert translator.post(submit).status_code == 409
    # The translator confirms it in the translation editor (saving the segment).
    segment = StringSegment.objects.get(source=translation.source, context=machine.context)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    confirmed = translator.put(
        url, urlencode({"value": machine.data}), content_type="application/x-www-form-urlencoded"
    )
    assert confirmed.status_code == 200
    assert translator.post(submit).status_code == 302
