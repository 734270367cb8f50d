"""Dated exceptions name a closure reason that translators translate: every clinic
page shows it in its own language, fetched with the rows, while the rows stay facts
copied from the English page (and what translators wrote stays theirs)."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from cms.i18n.translations import translate_from_catalog
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
        assert [row.reason_id for row in rows] == [reason.pk]


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
    assert ClosureReason.objects.exclude(locale=Locale.get_default()).count() == 2


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
    labelled = list(HoursException.objects.exclude(label="").values_list("pk", "label"))
    assert labelled, "the demo's holidays have labels"
    migration.labels_to_reasons(apps, None)
    rows = HoursException.objects.filter(pk__in=[pk for pk, _label in labelled])
    for row in rows.select_related("reason"):
        assert row.label == "" and row.reason.locale == Locale.get_default()
        assert row.reason.name == dict(labelled)[row.pk].strip()
    names = [label.strip() for _pk, label in labelled]
    assert ClosureReason.objects.filter(name__in=names).count() == len(set(names))
    # Shown as before, in every language (until translators translate the reasons).
    spanish = clinic_in(midtown, "es")
    upcoming = spanish.schedule.upcoming_exceptions(timezone.localdate(), days=400)
    assert {exc.label for exc in upcoming} <= set(names)
