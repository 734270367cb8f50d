"""The translations board over HTTP: one status per page (or snippet) and language,
filters, counts, who sees it, starting a translation, and a fixed query count."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from conditions.models import BodyArea, ConditionPage
from localization.models import OutdatedTranslation
from tests.localization.conftest import publish_clinic_partly_translated

pytestmark = pytest.mark.django_db

BOARD = "/admin/translations/"
CONDITION = "conditions.conditionpage"


def english(slug):
    return ConditionPage.objects.get(locale=Locale.get_default(), slug=slug)


def locale(code):
    return Locale.objects.get(language_code=code)


def cell(response, source_pk, code, kind=CONDITION):
    for row in response.context["rows"]:
        if row.pk == source_pk and row.kind == kind:
            return next(c for c in row.cells if c.locale.language_code == code)
    raise AssertionError(f"row {kind} {source_pk} is not on this board page")


def board(client, **params):
    response = client.get(BOARD, params)
    assert response.status_code == 200, response.content[:500]
    return response


def start_draft(page, code, user=None):
    TranslationCreator(user, [locale(code)]).create_translations(page)
    return page.get_translation(locale(code))


def test_each_status_of_a_cell(login, people):
    client = login(people["editor"])
    neck, back, sciatica = english("neck-spasms"), english("low-back-pain"), english("sciatica")
    spanish_neck = neck.get_translation(locale("es"))

    response = board(client, kind=CONDITION)
    assert cell(response, neck.pk, "es").status == "live"
    assert cell(response, neck.pk, "ko").status == "not_started"
    assert cell(response, back.pk, "es").status == "not_started"

    # A draft: in progress, with wagtail-localize's count of translated strings.
    draft = start_draft(back, "es")
    assert not draft.live
    translation = Translation.objects.get(source__object_id=back.translation_key)
    total, done = translation.get_progress()
    progress = cell(board(client, kind=CONDITION), back.pk, "es")
    assert (progress.status, progress.translated, progress.total) == ("in_progress", done, total)
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("es"),
        context=segment.context,
        data="Dolor lumbar",
        translation_type="manual",
    )
    progress = cell(board(client, kind=CONDITION), back.pk, "es")
    assert (progress.translated, progress.total) == (done + 1, total)
    assert f"{done + 1}/{total}" in board(client, kind=CONDITION).content.decode()

    # Submitted to the clinical review workflow: awaiting review.
    other = start_draft(sciatica, "es")
    other.get_workflow().start(other, people["editor"])
    assert cell(board(client, kind=CONDITION), sciatica.pk, "es").status == "review"

    # Behind its source: outdated since that date.
    since = timezone.now() - datetime.timedelta(days=3)
    OutdatedTranslation.objects.create(page=spanish_neck, since=since, changed_strings=["x"])
    response = board(client, kind=CONDITION)
    outdated = cell(response, neck.pk, "es")
    assert (outdated.status, outdated.outdated_since) == ("outdated", since)
    assert f"since {timezone.localtime(since):%Y-%m-%d}" in response.content.decode()
    # The other languages of the same page are untouched by it.
    assert cell(response, neck.pk, "ar").status == "live"

    # Cells link to the page's editor (wagtail-localize's editor for translations).
    assert outdated.url == reverse("wagtailadmin_pages:edit", args=[spanish_neck.pk])
    assert f'href="{outdated.url}"' in response.content.decode()


def test_snippets_are_on_the_board(login, people):
    neck_area = BodyArea.objects.get(locale=Locale.get_default(), name="Neck")
    response = board(login(people["editor"]), kind="conditions.bodyarea")
    assert cell(response, neck_area.pk, "es", kind="conditions.bodyarea").status == "live"
    assert cell(response, neck_area.pk, "ko", kind="conditions.bodyarea").status == "not_started"
    kinds = {row.kind for row in response.context["rows"]}
    assert kinds == {"conditions.bodyarea"}


def test_filters_and_counts(login, people):
    client = login(people["editor"])
    response = board(client, language="es")
    assert [loc.language_code for loc in response.context["locales"]] == ["es"]
    assert all(
        [c.locale.language_code for c in row.cells] == ["es"] for row in response.context["rows"]
    )
    # Counts per language cover every row of the board, in every status.
    everything = board(client)
    counts = dict((loc.language_code, by) for loc, by in everything.context["counts"])
    total_rows = everything.context["row_count"]
    assert all(sum(by.values()) == total_rows for by in counts.values())
    assert counts["es"]["live"] > counts["ko"]["live"]
    korean_not_started = board(client, language="ko", status="not_started")
    assert korean_not_started.context["row_count"] == counts["ko"]["not_started"]
    assert all(row.cells[0].status == "not_started" for row in korean_not_started.context["rows"])
    # Status filter: only rows with such a cell.
    start_draft(english("sciatica"), "es")
    in_progress = board(client, status="in_progress")
    assert [row.pk for row in in_progress.context["rows"]] == [english("sciatica").pk]
    # Type filter
    conditions = board(client, kind=CONDITION)
    assert {row.kind for row in conditions.context["rows"]} == {CONDITION}
    # The per-language figures link to the board filtered on them, keeping the type.
    link = f"{BOARD}?language=es&amp;status=live&amp;kind={CONDITION}"
    assert link in conditions.content.decode()
    assert (
        conditions.context["row_count"]
        == ConditionPage.objects.filter(locale=Locale.get_default()).count()
    )


def test_bad_filters_get_a_clear_400_and_bad_page_numbers_a_page(login, people):
    client = login(people["editor"])
    response = client.get(BOARD, {"language": "xx", "status": "<script>"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "were not understood" in text
    assert "<script>" not in text
    for number in ("999", "abc", "-1"):
        assert client.get(BOARD, {"p": number}).status_code == 200


def test_pagination_keeps_the_filters(login, people):
    response = board(login(people["editor"]), language="es")
    rows = response.context["rows"]
    assert rows.paginator.num_pages > 1
    assert 'href="?language=es&amp;p=2"' in response.content.decode()
    second = board(login(people["editor"]), language="es", p=2)
    first_rows = {(row.kind, row.pk) for row in rows}
    assert {(row.kind, row.pk) for row in second.context["rows"]}.isdisjoint(first_rows)


@pytest.mark.parametrize("role", ["editor", "reviewer", "spanish", "arabic", "translator"])
def test_editors_reviewers_and_translators_see_the_board(login, people, role):
    response = board(login(people[role]))
    assert response.context["row_count"] > 0


def test_others_get_the_admins_permission_denial(login, people, client):
    response = login(people["manager"]).get(BOARD)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    client.logout()
    assert client.get(BOARD).status_code == 302  # to the sign-in page
    assert "/login/" in client.get(BOARD).url
    neck = english("neck-spasms")
    start = reverse("localization_start", args=[CONDITION, neck.pk, "ko"])
    response = login(people["manager"]).post(start)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert neck.get_translation_or_none(locale("ko")) is None


def test_translators_see_their_languages_first(login, people):
    codes = [loc.language_code for loc in board(login(people["arabic"])).context["locales"]]
    assert codes[0] == "ar" and len(codes) == Locale.objects.count() - 1
    # Without a language group: the site's order.
    codes = [loc.language_code for loc in board(login(people["translator"])).context["locales"]]
    assert codes[:3] == ["es", "zh-hans", "zh-hant"]


def test_start_buttons_only_in_the_translators_languages(login, people):
    response = board(login(people["spanish"]), kind=CONDITION)
    back = english("low-back-pain")
    text = response.content.decode()
    assert reverse("localization_start", args=[CONDITION, back.pk, "es"]) in text
    assert reverse("localization_start", args=[CONDITION, back.pk, "ko"]) not in text


def test_starting_creates_a_draft_and_opens_the_translation_editor(
    login, people, django_capture_on_commit_callbacks
):
    back = english("low-back-pain")
    before = {p.pk: (p.title, p.live) for p in Page.objects.all()}
    client = login(people["spanish"])
    url = reverse("localization_start", args=[CONDITION, back.pk, "es"])
    assert client.get(url).status_code == 405
    # wagtail-localize publishes on commit when it publishes: run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    spanish = back.get_translation(locale("es"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert not spanish.live and spanish.live_revision is None
    assert Translation.objects.filter(
        source__object_id=back.translation_key, target_locale=locale("es"), enabled=True
    ).exists()
    # The editor that opens is wagtail-localize's translation editor.
    editor = client.get(response.url)
    assert editor.status_code == 200 and b"js-translation-editor" in editor.content
    # Nothing else changed: every page that existed is as it was.
    after = {p.pk: (p.title, p.live) for p in Page.objects.filter(pk__in=before)}
    assert after == before
    # The board now says in progress, and a second start just opens the draft.
    assert cell(board(client, kind=CONDITION), back.pk, "es").status == "in_progress"
    again = client.post(url)
    assert again.url == response.url
    assert Page.objects.filter(translation_key=back.translation_key).count() == 2


def test_editors_start_only_where_they_may_add_pages(login, people):
    """Marketing editors add pages in the English tree only, so the board offers them
    no page translation to start (wagtail-localize would let them make one they then
    could not edit); snippets they may add, they may translate."""
    client = login(people["editor"])
    back = english("low-back-pain")
    text = board(client, kind=CONDITION).content.decode()
    assert "/admin/translations/start/" not in text
    response = client.post(reverse("localization_start", args=[CONDITION, back.pk, "es"]))
    assert response.url == reverse("wagtailadmin_home")
    assert back.get_translation_or_none(locale("es")) is None
    text = board(client, kind="conditions.bodyarea").content.decode()
    assert "/admin/translations/start/conditions.bodyarea/" in text


def test_a_translator_cannot_start_another_language(login, people):
    back = english("low-back-pain")
    response = login(people["spanish"]).post(
        reverse("localization_start", args=[CONDITION, back.pk, "ar"])
    )
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert back.get_translation_or_none(locale("ar")) is None


@pytest.mark.parametrize(
    "args",
    [
        ("nothing.here", 1, "es"),
        (CONDITION, 999999, "es"),
        (CONDITION, None, "en"),
        (CONDITION, None, "xx"),
    ],
)
def test_bad_start_requests_are_404(login, people, args):
    kind, pk, code = args
    pk = pk or english("low-back-pain").pk
    response = login(people["editor"]).post(reverse("localization_start", args=[kind, pk, code]))
    assert response.status_code == 404


def test_start_never_publishes(login, people, settings):
    """Should the site be set to publish new translations at once, the board creates
    nothing rather than a live page."""
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    back = english("low-back-pain")
    client = login(people["spanish"])
    response = client.post(reverse("localization_start", args=[CONDITION, back.pk, "es"]))
    assert response.url == reverse("localization_board")
    assert back.get_translation_or_none(locale("es")) is None
    assert not Translation.objects.filter(source__object_id=back.translation_key).exists()


def test_starting_a_snippet_translation(login, people):
    area = BodyArea.objects.get(locale=Locale.get_default(), name="Neck")
    response = login(people["editor"]).post(
        reverse("localization_start", args=["conditions.bodyarea", area.pk, "ko"])
    )
    korean = area.get_translation(locale("ko"))
    assert response.status_code == 302 and str(korean.pk) in response.url


def test_dashboard_panel_for_translators(login, people):
    response = login(people["spanish"]).get(reverse("wagtailadmin_home"))
    text = response.content.decode()
    assert 'id="translations-board' in text or "translations-board" in text
    panel = text[text.index("translations-board") :]
    assert re.search(r'<tr data-language="es">', panel)
    assert '<tr data-language="ar">' not in panel
    response = login(people["manager"]).get(reverse("wagtailadmin_home"))
    assert "translations-board" not in response.content.decode()


def count_board_queries(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(BOARD, params)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_content(login, people):
    client = login(people["spanish"])
    views = [{}, {"p": "2"}, {"language": "es", "status": "live"}, {"kind": CONDITION}]
    client.get(BOARD)  # warm per-process caches (content types, locales)
    before = [count_board_queries(client, **params) for params in views]
    rows_before = board(client).context["row_count"]

    call_command("seed_scale_content", clinics=3, conditions=6, languages="es,ar", verbosity=0)
    # ...and translations in other states: drafts, in review, outdated.
    start_draft(english("low-back-pain"), "es")
    review = start_draft(english("sciatica"), "ko")
    review.get_workflow().start(review, people["editor"])
    OutdatedTranslation.objects.create(
        page=english("neck-spasms").get_translation(locale("es")), since=timezone.now()
    )

    after = [count_board_queries(client, **params) for params in views]
    assert board(client).context["row_count"] >= rows_before + 9
    assert after == before, (before, after)
    # Sessions, user, groups, permissions, locales, content types and the admin's
    # menu, then the board's own bulk queries (tests budget, not an exact figure).
    assert max(after) <= 33, after


def dashboard_counts(client, code):
    """{status: count} of one language on the admin dashboard's translations panel."""
    from bs4 import BeautifulSoup

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    row = page.select_one(
        f'#translations-board-section tr[data-language="{code}"], '
        f'[id^=translations-board] tr[data-language="{code}"]'
    )
    return {td["data-status"]: int(td.get_text(strip=True)) for td in row.select("td")}


def test_the_board_and_dashboard_count_what_is_true_after_approval(
    login, users, neck_spasms, django_capture_on_commit_callbacks
):
    from tests.localization.conftest import translate_missing_strings, workflow_action
    from tests.localization.test_kept_translations import change_english_intro

    english, translations = neck_spasms
    spanish = translations["es"]
    before = dashboard_counts(login(users["translator-es"]), "es")
    assert cell(board(login(users["editor"]), kind=CONDITION), english.pk, "es").status == "live"

    # The English intro changes: the Spanish page is behind it.
    change_english_intro(login, users, english)
    assert cell(board(login(users["editor"]), kind=CONDITION), english.pk, "es").status == (
        "outdated"
    )
    # The translator brings it up to date and submits it; a clinical reviewer approves.
    translator = login(users["translator-es"])
    translate_missing_strings(translator, english, "es")
    submit = reverse("conditions_submit_for_review", args=[spanish.pk])
    assert translator.post(submit).status_code == 302
    assert cell(board(translator, kind=CONDITION), english.pk, "es").status == "review"
    assert workflow_action(login(users["moderator"]), spanish, "approve").status_code == 302

    response = board(login(users["editor"]), kind=CONDITION)
    approved = cell(response, english.pk, "es")
    assert (approved.status, approved.translated) == ("live", approved.total)
    html = response.content.decode()
    shown = html.split(f'data-source="{english.pk}"', 1)[1].split("</tr>", 1)[0]
    shown = shown.split('data-language="es"', 1)[1].split("</td>", 1)[0]
    assert 'data-status="live"' in shown and "In progress" not in shown
    assert dashboard_counts(login(users["translator-es"]), "es") == before


def test_a_page_live_partly_in_english_is_live_with_its_count(
    login, users, page_by_path, django_capture_on_commit_callbacks
):
    english = page_by_path("/locations/midtown/")
    before = dashboard_counts(login(users["translator-es"]), "es")
    with django_capture_on_commit_callbacks(execute=True):
        publish_clinic_partly_translated(login(users["translator"]), english, "es")
    response = board(login(users["editor"]), kind="locations.locationpage")
    live = cell(response, english.pk, "es", kind="locations.locationpage")
    assert live.status == "live" and live.translated == live.total - 2
    assert f"{live.translated}/{live.total} strings" in response.content.decode()
    assert dashboard_counts(login(users["translator-es"]), "es") == before
