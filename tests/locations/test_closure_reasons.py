"""Dated exceptions name a closure reason that translators translate: every clinic
page shows it in its own language, fetched with the rows, while the rows stay facts
copied from the English page (and what translators wrote stays theirs)."""

import importlib
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from cms.i18n.translations import translate_from_catalog
from demo.loader import SHOWCASE_LANGUAGES, catalog
from demo.users import ensure_demo_users
from locations.closures import ClosureReason
from locations.models import HoursException, LocationPage
from tests.admin_forms import edit_form_data
from tests.locations.conftest import clinic_in
from tests.performance.conftest import measure

pytestmark = pytest.mark.django_db

TRAINING = "Closed for staff training"
TRANSLATED = {"es": "Cerrado por formación del personal", "ar": "مغلق لتدريب الموظفين"}
# Text a translator writes on a clinic page (wagtail-localize's translatable fields).
TRANSLATOR_FIELDS = ("title", "slug", "seo_title", "search_description", "neighborhood")
TRANSLATOR_FIELDS += ("intro", "parking", "accessibility_notes", "languages")


@pytest.fixture
def reason():
    """A reason in English, translated into Spanish and Arabic (not Chinese)."""
    reason = ClosureReason.objects.create(name=TRAINING, locale=Locale.get_default())
    for code, text in TRANSLATED.items():
        translate_from_catalog(reason, Locale.objects.get(language_code=code), {TRAINING: text})
    return reason


def closures_text(client, page):
    html = client.get(page.url).content.decode()
    assert 'class="closures"' in html, page.url
    return html.split('class="closures"', 1)[1].split("</ul>", 1)[0]


def add_closure(page, reason, days=3, **fields):
    page = LocationPage.objects.get(pk=page.pk)
    day = timezone.localdate() + timedelta(days=days)
    row = HoursException(date=day, reason=reason, closed=True, **fields)
    page.hours_exceptions = [*page.hours_exceptions.all(), row]
    page.save_revision().publish()
    return day


def test_each_clinic_page_shows_the_reason_in_its_language(client, midtown, reason):
    add_closure(midtown, reason)
    assert TRAINING in closures_text(client, midtown)
    for code, text in TRANSLATED.items():
        shown = closures_text(client, clinic_in(midtown, code))
        assert text in shown and TRAINING not in shown, code
    # Not translated into Chinese yet: the English reason, rather than nothing.
    assert TRAINING in closures_text(client, clinic_in(midtown, "zh-hans"))
    # The rows are facts: every translation points at the English reason.
    for code in ("es", "ar", "zh-hans"):
        rows = clinic_in(midtown, code).hours_exceptions.filter(reason__isnull=False)
        assert {row.reason.locale_id for row in rows} == {Locale.get_default().pk}
        assert [row.reason_id for row in rows if row.reason.name == TRAINING] == [reason.pk]


def test_the_api_and_the_status_line_speak_the_pages_language(client, midtown, reason):
    day = add_closure(midtown, reason, days=0)
    spanish = clinic_in(midtown, "es")
    data = client.get(f"/api/v2/pages/{spanish.pk}/").json()
    labels = {item["date"]: item["label"] for item in data["hours"]["exceptions"]}
    assert labels[day.isoformat()] == TRANSLATED["es"]
    assert spanish.status().exception_label == TRANSLATED["es"]


def test_a_note_without_a_reason_is_shown_as_written(client, midtown):
    add_closure(midtown, None, label="Water main repair")
    assert "Water main repair" in closures_text(client, clinic_in(midtown, "es"))


def test_reasons_cost_no_query_per_row(client, midtown, reason):
    other = ClosureReason.objects.create(name="Snow day", locale=Locale.get_default())
    add_closure(midtown, reason, days=2)
    spanish = clinic_in(midtown, "es")
    before = measure(client, spanish.url)
    for days in (4, 5, 6):
        add_closure(midtown, other if days % 2 else reason, days=days)
    assert measure(client, spanish.url) == before


def post_closure(client, page, reason="", note="", day=None):
    """Publish `page` from its editor with one more dated exception."""
    data = edit_form_data(client, page)
    prefix = "hours_exceptions"
    number = int(data[f"{prefix}-TOTAL_FORMS"])
    day = day or timezone.localdate() + timedelta(days=3)
    row = {"id": "", "date": day.isoformat(), "reason": reason, "label": note, "closed": "on"}
    row.update({"opens": "", "closes": "", "ORDER": str(number + 1), "DELETE": ""})
    for name, value in row.items():
        data[f"{prefix}-{number}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(number + 1)
    data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.fixture
def manager(client):
    ensure_demo_users()
    client.force_login(apps.get_model("auth", "User").objects.get(username="manager-midtown"))
    return client


def translator_text(page):
    """{(language, live or draft, field): value} of what translators wrote."""
    text = {}
    for translation in page.get_translations().filter(alias_of__isnull=True):
        translation = translation.specific
        versions = {"live": translation}
        if translation.has_unpublished_changes:
            versions["draft"] = translation.get_latest_revision_as_object()
        for version, obj in versions.items():
            for name in TRANSLATOR_FIELDS:
                text[(translation.locale.language_code, version, name)] = getattr(obj, name)
            body = obj.body.get_prep_value()
            text[(translation.locale.language_code, version, "body")] = body
    return text


def test_a_managers_closure_keeps_every_translators_text(manager, client, midtown, reason):
    before = translator_text(midtown)
    assert {key[0] for key in before} >= {"es", "ar", "zh-hans"}
    response = post_closure(manager, midtown, reason=str(reason.pk))
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert translator_text(midtown) == before
    for code, text in TRANSLATED.items():
        assert text in closures_text(client, clinic_in(midtown, code))


def test_a_closure_needs_a_reason_or_a_note_and_nothing_is_lost(manager, midtown):
    rows = sorted(row.pk for row in midtown.hours_exceptions.all())
    response = post_closure(manager, midtown)
    assert response.status_code == 200
    assert "Choose a reason, or write a note." in response.content.decode()
    assert (
        sorted(row.pk for row in LocationPage.objects.get(pk=midtown.pk).hours_exceptions.all())
        == rows
    )


def test_the_menu_offers_the_english_reasons(manager, midtown, reason):
    response = manager.get(f"/admin/pages/{midtown.pk}/edit/")
    assert f'<option value="{reason.pk}">{TRAINING}</option>' in response.content.decode()
    formset = response.context["form"].formsets["hours_exceptions"]
    offered = formset.empty_form.fields["reason"].queryset
    assert set(offered) == set(ClosureReason.objects.filter(locale=Locale.get_default()))
    translated = ClosureReason.objects.filter(translation_key=reason.translation_key)
    assert translated.exclude(locale=Locale.get_default()).count() == 2


def test_exceptions_are_kept_in_date_order(manager, midtown, reason):
    later = timezone.localdate() + timedelta(days=40)
    sooner = timezone.localdate() + timedelta(days=1)
    assert post_closure(manager, midtown, reason=str(reason.pk), day=later).status_code == 302
    page = LocationPage.objects.get(pk=midtown.pk)
    assert post_closure(manager, page, note="Boiler repair", day=sooner).status_code == 302
    rows = list(LocationPage.objects.get(pk=midtown.pk).hours_exceptions.order_by("sort_order"))
    assert [row.date for row in rows] == sorted(row.date for row in rows)
    assert sooner in [row.date for row in rows] and later in [row.date for row in rows]


def test_the_migration_turns_labels_into_english_reasons(client, midtown):
    migration = importlib.import_module("locations.migrations.0002_hours_exception_closure_reasons")
    # Rows from before the reasons: a note naming a reason the demo ships, and one that
    # names none.
    first, second = free_days(midtown, 2)
    add_closure(midtown, None, days=first, label="Thanksgiving ")
    add_closure(midtown, None, days=second, label="Water main repair")
    labelled = list(HoursException.objects.exclude(label="").values_list("pk", "label"))
    assert {label for _pk, label in labelled} == {"Thanksgiving ", "Water main repair"}
    migration.labels_to_reasons(apps, None)
    rows = HoursException.objects.filter(pk__in=[pk for pk, _label in labelled])
    for row in rows.select_related("reason"):
        assert row.label == "" and row.reason.locale == Locale.get_default()
        assert row.reason.name == dict(labelled)[row.pk].strip()
    names = {label.strip() for _pk, label in labelled}
    assert ClosureReason.objects.filter(name__in=names, locale=Locale.get_default()).count() == 2
    # The demo's reason is shown translated; the new one in English until translated.
    shown = closures_text(client, clinic_in(midtown, "es"))
    assert "Día de Acción de Gracias" in shown and "Water main repair" in shown


# -- The demo's holidays -----------------------------------------------------------------


def free_days(page, count):
    """Offsets from today of `count` days in the next four weeks with no exception yet
    (a holiday's row would win the day's label)."""
    taken = {row.date for row in page.hours_exceptions.all()}
    today = timezone.localdate()
    free = [n for n in range(1, 29) if today + timedelta(days=n) not in taken]
    return free[:count]


def language_of(element):
    """The language an element's text is read in (its nearest lang attribute)."""
    return next(node["lang"] for node in [element, *element.parents] if node.get("lang"))


def json_ld_closures(client, url):
    """{date: name} of the dated exceptions in a clinic page's JSON-LD."""
    response = client.get(url)
    assert response.status_code == 200, url
    found = {}
    for script in BeautifulSoup(response.content, "html.parser").select(
        'script[type="application/ld+json"]'
    ):
        data = json.loads(script.string)
        for spec in data.get("openingHoursSpecification", []) if isinstance(data, dict) else []:
            if "validFrom" in spec:
                found[spec["validFrom"]] = spec["name"]
    return found


def demo_closures(english):
    """{date: English reason} of an English clinic's rows (the demo's holidays)."""
    rows = english.hours_exceptions.filter(date__gte=timezone.localdate()).select_related("reason")
    closures = {row.date.isoformat(): row.reason.name for row in rows if row.reason_id}
    assert len(closures) >= 10, f"{english.title} has the demo's holidays, with reasons"
    return closures


@pytest.mark.parametrize("code", SHOWCASE_LANGUAGES)
def test_every_demo_clinics_holidays_read_in_the_readers_language(client, code):
    translations = catalog(code)
    clinics = LocationPage.objects.live().filter(locale=Locale.get_default())
    assert clinics.count() >= 8
    for english in clinics:
        expected = {day: translations[name] for day, name in demo_closures(english).items()}
        page = english.get_translation(Locale.objects.get(language_code=code))
        assert json_ld_closures(client, page.url) == expected, (english.title, code)


def test_a_clinic_not_translated_yet_shows_the_reasons_in_the_readers_language(client, midtown):
    # The demo translates clinics into three languages, its reasons into all of them.
    labor_day = ClosureReason.objects.get(locale=Locale.get_default(), name="Labor Day")
    add_closure(midtown, labor_day, days=free_days(midtown, 1)[0])
    english = BeautifulSoup(client.get(midtown.url).content, "html.parser")
    bengali_url = english.select_one('.language-switcher__menu a[lang="bn"]')["href"]
    response = client.get(bengali_url)
    assert response.status_code == 200 and response.get("X-Robots-Tag") == "noindex"
    names = set(json_ld_closures(client, bengali_url).values())
    assert "শ্রম দিবস" in names and "Labor Day" not in names
    page = BeautifulSoup(response.content, "html.parser")
    shown = [item for item in page.select(".closures bdi") if item.get_text() == "শ্রম দিবস"]
    assert shown and all(language_of(item) == "bn" for item in shown)
    # The English reader still reads it in English.
    assert "Labor Day" in closures_text(client, midtown)


@pytest.mark.parametrize("code", SHOWCASE_LANGUAGES)
def test_a_translated_reason_is_not_marked_english(client, midtown, code):
    thanksgiving = ClosureReason.objects.get(locale=Locale.get_default(), name="Thanksgiving")
    first, second = free_days(midtown, 2)
    add_closure(midtown, thanksgiving, days=first)
    add_closure(midtown, None, days=second, label="Water main repair")
    html = client.get(clinic_in(midtown, code).url).content
    items = {
        item.get_text(): language_of(item)
        for item in BeautifulSoup(html, "html.parser").select(".closures bdi")
    }
    assert items[catalog(code)["Thanksgiving"]] == code  # the page's own language
    assert items["Water main repair"] == "en"  # a note is written once, in English
