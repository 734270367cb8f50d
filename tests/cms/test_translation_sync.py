"""Facts that must be identical in every language (phone, address, coordinates,
hours and their dated exceptions, reviewer, dates) follow the English page by
themselves when it is published; translated text stays translated."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Locale

from cms.i18n.translations import translate_from_catalog
from locations.models import HoursException, LocationPage, OpeningHours

pytestmark = pytest.mark.django_db


def fake_catalog(page):
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return {s.string.data: f"[es] {s.string.data}" for s in segments}


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def clinic_pair(page_by_path, spanish):
    english = page_by_path("/locations/midtown/")
    index = english.get_parent().specific
    if index.get_translation_or_none(spanish) is None:
        translate_from_catalog(index, spanish, fake_catalog(index))
    translated = english.get_translation_or_none(spanish)
    if translated is None:
        translated = translate_from_catalog(english, spanish, fake_catalog(english))
    return english, translated.specific


def test_phone_address_and_coordinates_follow_the_english_page(clinic_pair, client):
    english, spanish = clinic_pair
    translated_intro = spanish.intro
    assert translated_intro != english.intro
    english.phone = "+12125550188"
    english.street_address = "1 Example Plaza"
    english.latitude = Decimal("40.750000")
    english.save_revision().publish()

    spanish.refresh_from_db()
    assert spanish.phone == "+12125550188"
    assert spanish.street_address == "1 Example Plaza"
    assert spanish.latitude == Decimal("40.750000")
    body = client.get(spanish.url).content.decode()
    assert "(212) 555-0188" in body
    assert "1 Example Plaza" in body
    # The translated text is still the translation.
    assert spanish.intro == translated_intro


def test_weekly_hours_and_dated_exceptions_follow_the_english_page(clinic_pair, client):
    english, spanish = clinic_pair
    english.opening_hours.clear()
    english.opening_hours.add(
        OpeningHours(weekday=2, opens=datetime.time(7, 15), closes=datetime.time(19, 45))
    )
    english.hours_exceptions.add(
        HoursException(
            date=datetime.date.today() + datetime.timedelta(days=5),
            label="Staff training",
            closed=True,
        )
    )
    english.save_revision().publish()

    spanish = LocationPage.objects.get(pk=spanish.pk)
    hours = list(spanish.opening_hours.values_list("weekday", "opens", "closes"))
    assert hours == [(2, datetime.time(7, 15), datetime.time(19, 45))]
    assert spanish.hours_exceptions.filter(label="Staff training").exists()
    # The English page keeps its own rows: nothing was moved away from it.
    assert english.opening_hours.count() == 1
    assert english.hours_exceptions.filter(label="Staff training").count() == 1
    assert spanish.opening_hours.get().pk != english.opening_hours.get().pk


def test_a_translators_unpublished_draft_keeps_its_text_and_gets_the_facts(clinic_pair):
    english, spanish = clinic_pair
    spanish.intro = "[es] borrador del traductor"
    spanish.save_revision()
    english.phone = "+12125550177"
    english.save_revision().publish()

    spanish.refresh_from_db()
    assert spanish.phone == "+12125550177"  # live copy republished with the new phone
    assert spanish.has_unpublished_changes
    draft = spanish.get_latest_revision_as_object()
    assert draft.intro == "[es] borrador del traductor"
    assert draft.phone == "+12125550177"


def test_reviewer_review_date_and_emptied_related_conditions_follow(page_by_path, spanish):
    from cms.models import Clinician

    english = page_by_path("/conditions/neck-spasms/")
    index = english.get_parent().specific
    if index.get_translation_or_none(spanish) is None:
        translate_from_catalog(index, spanish, fake_catalog(index))
    translated = english.get_translation_or_none(spanish) or translate_from_catalog(
        english, spanish, fake_catalog(english)
    )
    assert translated.specific.related_conditions.exists()
    other = Clinician.objects.filter(locale=english.locale).exclude(pk=english.reviewer_id).first()
    english.reviewer = other
    english.last_reviewed = datetime.date(2026, 11, 1)
    english.related_conditions = []
    english.save_revision().publish()

    translated = translated.specific_class.objects.get(pk=translated.pk)
    assert translated.reviewer_id == other.pk
    assert translated.last_reviewed == datetime.date(2026, 11, 1)
    assert not translated.related_conditions.exists()


def test_facts_reach_a_translation_that_lacks_its_own_alt_text(page_by_path, spanish):
    from wagtail.images import get_image_model

    english = page_by_path("/conditions/neck-spasms/")
    translated = english.get_translation(spanish).specific
    image = get_image_model().objects.first()
    english.hero_image = image
    english.hero_image_alt = "A person holding a stiff neck"
    english.last_reviewed = datetime.date(2026, 11, 20)
    english.save_revision().publish()

    translated = translated.specific_class.objects.get(pk=translated.pk)
    assert translated.hero_image_id == image.pk
    assert translated.last_reviewed == datetime.date(2026, 11, 20)
    assert translated.hero_image_alt == "A person holding a stiff neck"


@pytest.mark.parametrize("code", ["es", "zh-hans", "ar"])  # demo.loader.SHOWCASE_LANGUAGES
def test_facts_follow_at_once_in_live_translations_and_drafts(page_by_path, code):
    """Phone and hours, and a dated exception added, edited and removed: every step
    reaches the live translation and a translator's draft; the text stays theirs."""
    english = page_by_path("/locations/midtown/")
    locale = Locale.objects.get(language_code=code)
    translated = english.get_translation(locale).specific
    live_text = (translated.title, translated.intro, list(translated.body.raw_data))
    draft = LocationPage.objects.get(pk=translated.pk)
    draft.intro = f"[{code}] draft of the translator"
    draft.save_revision()
    soon = datetime.date.today() + datetime.timedelta(days=9)

    def exceptions(page):
        return [(e.date, e.label, e.closed, e.opens) for e in page.hours_exceptions.all()]

    def check(phone, expected):
        live = LocationPage.objects.get(pk=translated.pk)
        assert (live.title, live.intro, list(live.body.raw_data)) == live_text
        latest = live.get_latest_revision_as_object()
        assert latest.intro == f"[{code}] draft of the translator"
        source = LocationPage.objects.get(pk=english.pk)
        for page in [live, latest]:
            assert page.phone == phone
            assert exceptions(page) == exceptions(source)
            assert [e for e in exceptions(page) if e[0] == soon] == expected
            assert [(h.weekday, h.opens) for h in page.opening_hours.all()] == [
                (h.weekday, h.opens) for h in source.opening_hours.all()
            ]

    english.phone = "+12125550144"
    english.hours_exceptions.add(HoursException(date=soon, label="Inventory", closed=True))
    english.save_revision().publish()
    check("+12125550144", [(soon, "Inventory", True, None)])

    exception = english.hours_exceptions.get(label="Inventory")
    exception.label, exception.closed = "Inventory (late opening)", False
    exception.opens, exception.closes = datetime.time(12), datetime.time(18)
    english.save_revision().publish()
    check("+12125550144", [(soon, "Inventory (late opening)", False, datetime.time(12))])

    english.hours_exceptions.remove(english.hours_exceptions.get(label__startswith="Inventory"))
    english.save_revision().publish()
    check("+12125550144", [])


def test_a_review_under_way_on_a_translation_goes_on_when_the_facts_follow(
    page_by_path, django_user_model
):
    """The live translation is republished with the new facts; the review a reviewer
    has open on it is not cancelled (Wagtail cancels a workflow on every publish)."""
    english = page_by_path("/conditions/neck-spasms/")
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    reviewer = django_user_model.objects.create_user("facts-reviewer", password="x")
    state = spanish.get_workflow().start(spanish, reviewer)
    english.intro = "Neck spasms are sudden tightenings of the neck muscles."
    english.save_revision().publish()

    state.refresh_from_db()
    spanish.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS
    assert spanish.current_workflow_state == state


def test_an_english_text_change_leaves_every_translation_as_it_is(page_by_path):
    """Only a change of facts republishes the translations: an English publish that
    changed only English text adds no revision to any of them (an editor publishing
    a sentence waits for one page, not twelve), one that changed a fact adds one each."""
    english = page_by_path("/locations/midtown/")
    translations = list(english.get_translations().filter(alias_of__isnull=True, live=True))
    assert len(translations) >= 3

    def revisions():
        return {page.pk: page.revisions.count() for page in translations}

    before = revisions()
    english.intro = english.intro + " Now with a new sentence."
    english.save_revision().publish()
    assert revisions() == before

    english.phone = "+12125550177"
    english.save_revision().publish()
    assert revisions() == {pk: count + 1 for pk, count in before.items()}
    for page in translations:
        page.refresh_from_db()
        assert page.specific.phone == "+12125550177"
