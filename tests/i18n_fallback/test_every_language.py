"""Every language leads somewhere useful: for each of the twelve languages, from its
home page, the clinic list, a clinic page and its appointment form in that language,
an honest page for a condition not translated yet, and a switcher that keeps the
reader on the same subject."""

import re

import pytest
from django.utils.translation import gettext, override

from locations.models import WEEKDAYS
from tests.i18n_fallback.conftest import LANGUAGES, RTL, home_url, nav_href, robots, switcher

pytestmark = pytest.mark.django_db

# Translated in the demo into en, es, zh-hans, ar: the others get the fallback.
FALLBACK_LANGUAGES = [code for code in LANGUAGES if code not in ("en", "es", "zh-hans", "ar")]
UNTRANSLATED_CONDITION = "sciatica"  # English only in the demo


def in_language(code, text):
    with override(code):
        return gettext(text)


def assert_page_language(page, code):
    html = page.find("html")
    assert html["lang"] == code
    assert html["dir"] == ("rtl" if code in RTL else "ltr")


@pytest.mark.parametrize("code", LANGUAGES)
def test_clinic_list_clinic_page_and_form_in_every_language(get, code):
    _response, home = get(home_url(code))
    locations_url = nav_href(home, 1)
    assert locations_url.startswith(home_url(code))

    response, index = get(locations_url)
    assert_page_language(index, code)
    assert in_language(code, "Find the nearest clinic") in index.get_text()
    cards = index.select(".clinic-card h3 a")
    assert len(cards) == 8
    clinic_url = next(a["href"] for a in cards if "midtown" in a["href"])
    assert clinic_url.startswith(home_url(code))

    response, clinic = get(clinic_url)
    assert_page_language(clinic, code)
    text = clinic.get_text(" ")
    assert clinic.select_one('a[href="tel:+12125550101"]') is not None
    assert "350 West 38th Street" in text and "NY 10018" in text
    # Hours: weekday names and headings in the reader's language.
    with override(code):
        weekdays = [str(name) for _number, name in WEEKDAYS]
    rows = [row.get_text(" ") for row in clinic.select(".hours-table th")]
    assert any(day in row for day in weekdays for row in rows)
    assert in_language(code, "Hours") in text
    assert in_language(code, "Address and directions") in text

    appointment_url = clinic.select_one(".location__actions a.button")["href"]
    assert appointment_url == clinic_url + "appointment/"
    response, form = get(appointment_url)
    assert_page_language(form, code)
    assert form.select_one("form.appointment-form")["action"] == appointment_url
    assert in_language(code, "Send request") in form.get_text()


@pytest.mark.parametrize("code", FALLBACK_LANGUAGES)
def test_untranslated_clinic_is_the_english_page_in_the_readers_language(get, code):
    response, clinic = get(f"/{code}/locations/midtown/")
    assert_page_language(clinic, code)
    # The clinic's own prose stays English and says so.
    assert clinic.find("h1")["lang"] == "en"
    assert clinic.select_one(".location__header .intro")["lang"] == "en"
    note = clinic.select_one(".fallback-notice")
    assert note is not None and note.find("a", hreflang="en")["href"] == "/locations/midtown/"
    # Not for search engines: canonical is the English page, noindex, no alternates to it.
    _r, english = get("/locations/midtown/")
    canonical = english.find("link", rel="canonical")["href"]
    assert canonical.endswith("/locations/midtown/")
    assert clinic.find("link", rel="canonical")["href"] == canonical
    assert "noindex" in robots(clinic, response)[0] and robots(clinic, response)[1] == "noindex"
    alternates = [link["href"] for link in clinic.find_all("link", rel="alternate")]
    assert not any(f"/{code}/" in href for href in alternates)
    # The breadcrumb leads back through the reader's language.
    crumbs = [a["href"] for a in clinic.select(".breadcrumbs a")]
    assert crumbs == [f"/{code}/", f"/{code}/locations/"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_condition_not_yet_translated_answers_honestly(get, client, code):
    _response, home = get(home_url(code))
    conditions_url = nav_href(home, 0)
    url = f"{conditions_url}{UNTRANSLATED_CONDITION}/"
    response, page = get(url)
    assert_page_language(page, code)
    if code == "en":
        assert page.select_one(".not-yet-translated") is None
        return
    heading = page.find("h1")
    assert heading["lang"] == "en" and heading.get_text() == "Sciatica"
    with override(code):
        from cms.i18n.languages import native_name

        expected = gettext("This page is not yet available in %(language)s.") % {
            "language": native_name(code)
        }
    assert expected in page.get_text()
    english = page.find("a", hreflang="en")
    assert english["href"] == f"/conditions/{UNTRANSLATED_CONDITION}/"
    assert page.select_one('main a[href="tel:+12125550100"]') is not None
    assert page.select_one(f'main a[href^="/{code}/"]') is not None  # language assistance
    meta, header = robots(page, response)
    assert "noindex" in meta and header == "noindex"
    # No clinical text of the English page under the translated URL.
    assert "sciatic nerve" not in page.select_one("main").get_text().lower()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert url not in sitemap and f"/conditions/{UNTRANSLATED_CONDITION}/" in sitemap
    _r, english_page = get(f"/conditions/{UNTRANSLATED_CONDITION}/")
    alternates = {link["hreflang"] for link in english_page.find_all("link", rel="alternate")}
    assert code not in alternates


@pytest.mark.parametrize("code", LANGUAGES)
def test_switcher_keeps_the_reader_on_the_same_subject(get, code):
    targets = {
        "/conditions/neck-spasms/": None,  # translated into es, zh-hans, ar
        f"/conditions/{UNTRANSLATED_CONDITION}/": None,
        "/locations/midtown/": None,
        "/locations/": None,
    }
    for english_url in targets:
        _response, page = get(english_url)
        url = switcher(page)[code]
        assert url.startswith(home_url(code)) and url != home_url(code), (english_url, url)
        _response, target = get(url)
        assert_page_language(target, code)
        # Every language's switcher on that page leads back to the English page.
        assert switcher(target)["en"] == english_url


def test_nothing_is_created_by_serving_fallbacks(get):
    from wagtail.models import Page, Revision

    before = (Page.objects.count(), Revision.objects.count())
    for code in FALLBACK_LANGUAGES:
        get(f"/{code}/locations/")
        get(f"/{code}/locations/midtown/")
        get(f"/{code}/conditions/{UNTRANSLATED_CONDITION}/")
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_unknown_paths_stay_404(client):
    for url in ["/bn/locations/nowhere/", "/bn/nothing/", "/ko/conditions/sciatica/extra/"]:
        assert client.get(url).status_code == 404, url


def test_english_slug_under_a_translated_prefix_leads_to_the_translation(client):
    response = client.get("/es/locations/midtown/")
    assert response.status_code == 302
    assert response["Location"] == "/es/ubicaciones/midtown/"


def test_appointment_request_from_a_fallback_page(client, get, page_by_path):
    from locations.models import AppointmentRequest

    midtown = page_by_path("/locations/midtown/")
    _response, form = get("/ko/locations/midtown/appointment/")
    assert form.select_one('input[name="name"]') is not None
    data = {
        "name": "김민지",
        "phone": "(917) 555-0142",
        "contact_method": "phone",
        "reason": "other",
        "reason_other": "허리 통증",
        "insurance": str(midtown.insurance_plans.first().insurance.pk),
        "patient_status": "new",
        "consent": "on",
        "website": "",
    }
    response = client.post("/ko/locations/midtown/appointment/", data)
    assert response.status_code == 302, re.findall(
        r'class="errorlist[^<]*<[^<]*<', response.content.decode()
    )
    assert response["Location"] == "/ko/locations/midtown/appointment/thanks/"
    saved = AppointmentRequest.objects.get(name="김민지")
    assert saved.language == "ko" and saved.location_id == midtown.pk
    _response, thanks = get(response["Location"])
    assert thanks.find("html")["lang"] == "ko"
