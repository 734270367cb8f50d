"""Translation provenance: a translated page records whether a machine translator wrote
any of its text and which review approved it, and the patient reads one line in their
language saying so (the reviewing role or team from the site settings, never a
person) with a link to the English original. Driven through wagtail-localize's
machine-translation view, the translation editor, "Submit for clinical review", the
reviewer's Approve and the site settings form, in Spanish, Chinese and Arabic."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Site
from wagtail_localize.models import StringSegment, StringTranslation

from cms.models import TRANSLATION_REVIEWERS, SiteSettings
from localization.models import TranslationProvenance
from tests.admin_forms import site_settings_form
from tests.localization.conftest import LANGUAGES, translation_record, workflow_action

pytestmark = pytest.mark.django_db

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
MACHINE_REVIEWED = (
    "This page was translated from English, partly by machine translation, and "
    "reviewed by %(reviewer)s."
)


def provenance_line(client, page):
    client.logout()
    response = client.get(type(page).objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".translation-provenance")


def reviewer_name(key, code):
    with override(code):
        return str(dict(TRANSLATION_REVIEWERS)[key])


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_machine_assisted_reviewed_translation_says_so_in_its_language(
    client, login, users, neck_spasms, code, settings
):
    english, translations = neck_spasms
    page = translations[code]
    translation = translation_record(english, code)
    intro = StringTranslation.objects.filter(
        context__object_id=english.translation_key,
        context__path="intro",
        locale=translation.target_locale,
    )
    # Before any machine help: translated from English, no review recorded.
    line = provenance_line(client, page)
    with override(code):
        plain = _("This page was translated from English.")
    assert line.get_text(" ", strip=True).startswith(plain)
    assert line.a["href"] == english.url and line.a["hreflang"] == "en"

    # The translator has the intro machine-translated in the editor, then confirms it.
    intro.delete()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    translator = login(users["translator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    assert response.status_code == 302
    machine = intro.get()
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    record = TranslationProvenance.objects.get(page=page)
    assert record.machine_assisted and record.reviewed_by is None
    segment = StringSegment.objects.get(source=translation.source, context=machine.context)
    confirmed = translator.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": f"{machine.data} ({code})"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert confirmed.status_code == 200
    assert intro.get().translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL

    # Submitted and approved: the review is recorded, the machine's part remembered.
    submit = reverse("conditions_submit_for_review", args=[page.pk])
    assert translator.post(submit).status_code == 302
    assert workflow_action(login(users["moderator"]), page, "approve").status_code == 302
    record.refresh_from_db()
    assert record.machine_assisted and record.reviewed_by == users["moderator"]
    assert record.workflow_state.status == "approved" and record.reviewed_at is not None

    line = provenance_line(client, page)
    reviewer = reviewer_name("clinical_reviewers", code)
    with override(code):
        expected = _(MACHINE_REVIEWED) % {"reviewer": reviewer}
        assert expected != MACHINE_REVIEWED % {"reviewer": reviewer}  # translated
        assert line.get_text(" ", strip=True) == f"{expected} {_('Read the English original')}"
    assert line.a["href"] == english.url
    assert users["moderator"].username not in str(line)

    # The site settings name another team: the line follows.
    admin = login(users["admin"])
    site = Site.objects.get(is_default_site=True)
    brand = SiteSettings.for_site(site).brand_name
    saved = admin.post(
        f"/admin/settings/cms/sitesettings/{site.pk}/",
        site_settings_form(brand, translation_reviewer="translation_team"),
    )
    assert saved.status_code == 302
    assert reviewer_name("translation_team", code) in provenance_line(client, page).get_text()


def test_english_pages_and_fallbacks_have_no_provenance_line(client, neck_spasms, page_by_path):
    english, _translations = neck_spasms
    assert provenance_line(client, english) is None
    midtown = page_by_path("/locations/midtown/")
    html = BeautifulSoup(client.get(midtown.url).content, "html.parser")
    bengali = html.select_one('.language-switcher__menu a[lang="bn"]')["href"]
    fallback = BeautifulSoup(client.get(bengali).content, "html.parser")
    assert fallback.select_one(".fallback-notice") is not None
    assert fallback.select_one(".translation-provenance") is None


def test_a_bad_reviewer_setting_is_refused_with_a_message(login, users):
    admin = login(users["admin"])
    site = Site.objects.get(is_default_site=True)
    response = admin.post(
        f"/admin/settings/cms/sitesettings/{site.pk}/",
        site_settings_form("Brand", translation_reviewer="Dr. Jane Roe"),
    )
    assert response.status_code == 200
    assert SiteSettings.for_site(site).translation_reviewer == "clinical_reviewers"
    assert "Select a valid choice" in response.content.decode()
