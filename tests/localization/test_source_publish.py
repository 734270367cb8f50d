"""An editor's publish of an English page changes only the facts of its translations;
its translations learn they are behind, patients see a notice, and both clear once a
translator has caught up (and, for condition pages, a reviewer approved)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import Page

from localization.models import OutdatedTranslation
from tests.admin_forms import edit_form_data
from tests.localization.conftest import (
    LANGUAGES,
    body_text,
    translate_missing_strings,
    translated_text,
    workflow_action,
)

pytestmark = pytest.mark.django_db

NOTICE = "The English version of this page was updated on %(date)s."


def edit(client, page, action, **changes):
    data = edit_form_data(client, page, **changes)
    data[f"action-{action}"] = action
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def notice_on(client, page, code):
    """The outdated notice on the live page as a patient gets it (None when absent)."""
    client.logout()
    html = client.get(Page.objects.get(pk=page.pk).url).content.decode()
    if 'class="outdated-translation"' not in html:
        return None
    start = html.index('class="outdated-translation"')
    return html[start : html.index("</p>", start)]


def assert_notice(client, page, code, english):
    notice = notice_on(client, page, code)
    assert notice is not None, code
    with override(code):
        sentence = gettext(NOTICE).split("%(date)s")[0]
    assert sentence.strip() and sentence in notice, (code, notice)
    assert f'href="{english.url}" hreflang="en" lang="en"' in notice, notice


def test_an_approved_condition_page_changes_only_the_facts_of_its_translations(
    client, login, users, neck_spasms, django_capture_on_commit_callbacks
):
    english, translations = neck_spasms
    before = {code: translated_text(page) for code, page in translations.items()}
    for code, page in translations.items():
        assert translated_text(page) != translated_text(english), code
        assert notice_on(client, page, code) is None

    editor = login(users["editor"])
    new_intro = "Neck spasms are sudden, painful tightenings of the neck muscles. Updated."
    with django_capture_on_commit_callbacks(execute=True):
        edit(editor, english, "submit", intro=new_intro, last_reviewed="2026-11-02")
        moderator = login(users["moderator"])
        assert workflow_action(moderator, english, "approve").status_code == 302

    english = type(english).objects.get(pk=english.pk)
    assert english.live and english.intro == new_intro
    for code, page in translations.items():
        fresh = type(page).objects.get(pk=page.pk)
        assert translated_text(fresh) == before[code], code  # byte for byte
        assert fresh.last_reviewed == datetime.date(2026, 11, 2), code
        row = OutdatedTranslation.objects.get(page_id=page.pk)
        assert new_intro in row.changed_strings
        assert_notice(client, page, code, english)
    # Every language's translators were told, in one email per translation.
    spanish_mail = [m for m in mail.outbox if "translator-es@example.com" in m.to]
    assert len(spanish_mail) == 1 and new_intro in spanish_mail[0].body
    arabic_mail = [m for m in mail.outbox if "translator-ar@example.com" in m.to]
    assert len(arabic_mail) == 1 and "Arabic" in arabic_mail[0].subject


def test_a_facts_only_publish_raises_no_notice(client, login, users, neck_spasms, midtown):
    english, translations = neck_spasms
    clinic, clinic_translations = midtown
    editor = login(users["editor"])
    edit(editor, clinic, "publish", phone="+12125550166")
    edit(editor, english, "submit", last_reviewed="2026-11-03")
    workflow_action(login(users["moderator"]), english, "approve")
    for page in [*translations.values(), *clinic_translations.values()]:
        assert not OutdatedTranslation.objects.filter(page_id=page.pk).exists()
        assert notice_on(client, page, page.locale.language_code) is None
    for page in clinic_translations.values():
        assert type(page).objects.get(pk=page.pk).phone == "+12125550166"


def test_a_clinics_translations_keep_their_body_and_catch_up_one_by_one(
    client, login, users, midtown, django_capture_on_commit_callbacks
):
    english, translations = midtown
    # Translating brought every translation up to date: no notice anywhere.
    assert not OutdatedTranslation.objects.filter(page_id__in=[p.pk for p in translations.values()])
    before = {code: translated_text(page) for code, page in translations.items()}
    assert "[es] Enter from 34th Street" in before["es"]["body"]

    editor = login(users["editor"])
    new_intro = "A clinic near Penn Station, open early and late."
    edit(editor, english, "publish", intro=new_intro, phone="+12125550155")

    for code, page in translations.items():
        fresh = type(page).objects.get(pk=page.pk)
        assert translated_text(fresh) == before[code], code
        assert fresh.phone == "+12125550155"
        assert OutdatedTranslation.objects.get(page_id=page.pk).changed_strings == [new_intro]
        assert_notice(client, page, code, english)

    # The Spanish translator translates the new string in the translation editor and
    # publishes: Spanish catches up; the others stay behind.
    spanish = translations["es"]
    spanish_body = body_text(spanish)
    assert "[es] Enter from 34th Street; the lift is on the left." in str(spanish_body)
    translator = login(users["translator-es"])
    assert translate_missing_strings(translator, english, "es") == [new_intro]
    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            reverse("wagtailadmin_pages:edit", args=[spanish.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    fresh = type(spanish).objects.get(pk=spanish.pk)
    assert fresh.intro == f"[new] {new_intro}"
    assert body_text(fresh) == spanish_body  # the body is still Spanish
    assert not OutdatedTranslation.objects.filter(page_id=spanish.pk).exists()
    assert notice_on(client, spanish, "es") is None
    for code in ["zh-hans", "ar"]:
        assert OutdatedTranslation.objects.filter(page_id=translations[code].pk).exists()


def test_a_condition_translation_catches_up_when_the_reviewer_approves(
    client, login, users, neck_spasms
):
    english, translations = neck_spasms
    editor = login(users["editor"])
    new_intro = "Neck spasms: sudden tightening of the neck muscles, now explained."
    edit(editor, english, "submit", intro=new_intro)
    workflow_action(login(users["moderator"]), english, "approve")
    spanish = translations["es"]
    spanish_body = body_text(spanish)
    row = OutdatedTranslation.objects.get(page_id=spanish.pk)
    since = row.since

    # A second English change keeps the first date and adds the new string.
    edit(login(users["editor"]), english, "submit", seo_title="Neck spasms: causes and care")
    workflow_action(login(users["moderator"]), english, "approve")
    row.refresh_from_db()
    assert row.since == since
    assert set(row.changed_strings) == {new_intro, "Neck spasms: causes and care"}

    translator = login(users["translator-es"])
    assert set(translate_missing_strings(translator, english, "es")) == set(row.changed_strings)
    submit = reverse("conditions_submit_for_review", args=[spanish.pk])
    assert translator.post(submit).status_code == 302
    # Until the reviewer approves, the live page and its notice are as they were.
    assert type(spanish).objects.get(pk=spanish.pk).intro == spanish.intro
    assert notice_on(client, spanish, "es") is not None
    assert workflow_action(login(users["moderator"]), spanish, "approve").status_code == 302

    fresh = type(spanish).objects.get(pk=spanish.pk)
    assert fresh.intro == f"[new] {new_intro}"
    assert fresh.seo_title == "[new] Neck spasms: causes and care"
    assert fresh.title == spanish.title and body_text(fresh) == spanish_body
    assert not OutdatedTranslation.objects.filter(page_id=spanish.pk).exists()
    assert notice_on(client, spanish, "es") is None


def test_the_notice_follows_the_row_through_the_page_and_data_caches(client, settings, neck_spasms):
    from django.utils import timezone

    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_DATA_CACHE = True
    _english, translations = neck_spasms
    spanish = translations["es"]
    assert notice_on(client, spanish, "es") is None
    assert notice_on(client, spanish, "es") is None  # now from the cache
    row = OutdatedTranslation.objects.create(page_id=spanish.pk, since=timezone.now())
    assert notice_on(client, spanish, "es") is not None
    row.delete()
    assert notice_on(client, spanish, "es") is None


def test_every_language_the_demo_translates_is_covered():
    assert set(LANGUAGES) == {"es", "zh-hans", "ar"}
