"""Review dates (cms/editorial/review_dates.py): condition pages say when they were last
reviewed and when the next review is due, in the reader's language; the next date is
the one the reviewer set, else the site setting's interval after the last. JSON-LD
carries lastReviewed, the API both dates. An overdue page is marked for editors (the
dashboard, the page listing's status, the editor's status panel), never for patients."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from cms.editorial.review_dates import add_months, overdue, review_state
from cms.models import SiteSettings
from conditions.models import ConditionPage
from tests.conditions.test_jsonld import json_ld_of

pytestmark = pytest.mark.django_db

REVIEW = re.compile(r'<p class="muted condition__review">(.*?)</p>', re.S)


@pytest.fixture
def neck(page_by_path):
    return page_by_path("/conditions/neck-spasms/")


def review_line(html):
    return " ".join(re.sub(r"<[^>]+>", " ", REVIEW.search(html).group(1)).split())


def test_add_months_keeps_the_day_or_takes_the_months_last():
    day = datetime.date
    assert add_months(day(2026, 10, 1), 12) == day(2027, 10, 1)
    assert add_months(day(2026, 1, 31), 1) == day(2026, 2, 28)
    assert add_months(day(2028, 1, 31), 1) == day(2028, 2, 29)
    assert add_months(day(2026, 3, 31), -1) == day(2026, 2, 28)
    assert add_months(day(2026, 11, 30), 3) == day(2027, 2, 28)


def test_the_overdue_filter_agrees_with_each_pages_due_date(neck):
    """The dashboard's query and the page's own date say the same around month ends."""
    day = datetime.date
    today_choices = [day(2027, 3, 1), day(2027, 2, 28), day(2026, 3, 29), day(2028, 2, 29)]
    lasts = [day(2026, 1, 25) + datetime.timedelta(days=n) for n in range(0, 70, 3)]
    lasts += [day(2027, 1, 28) + datetime.timedelta(days=n) for n in range(6)]
    pages = ConditionPage.objects.filter(pk=neck.pk)
    for months in (1, 12):
        for today in today_choices:
            for last in lasts:
                neck.last_reviewed, neck.next_review = last, None
                pages.update(last_reviewed=last, next_review=None)
                expected = review_state(neck, months, today).overdue
                assert pages.filter(overdue(months, today)).exists() == expected, (last, today)
    pages.update(last_reviewed=None)
    assert pages.filter(overdue(12)).exists()  # never reviewed
    pages.update(last_reviewed=day(2000, 1, 1), next_review=timezone.localdate())
    assert not pages.filter(overdue(12)).exists()  # the reviewer's date wins


def test_condition_pages_show_both_dates_in_the_readers_language(client, neck):
    neck.last_reviewed, neck.next_review = datetime.date(2026, 10, 1), None
    neck.save_revision().publish()
    line = review_line(client.get(neck.url).content.decode())
    assert "Last reviewed Oct. 1, 2026 · Next review due Oct. 1, 2027" in line
    spanish = neck.get_translation(Locale.objects.get(language_code="es"))
    line = review_line(client.get(spanish.url).content.decode())
    assert "Última revisión: 1 de octubre de 2026" in line
    assert "Próxima revisión: 1 de octubre de 2027" in line


def test_the_next_date_is_the_reviewers_or_the_sites_interval(client, neck, site):
    settings = SiteSettings.for_site(site)
    settings.condition_review_months = 6
    settings.save()
    neck.last_reviewed, neck.next_review = datetime.date(2026, 10, 1), None
    neck.save_revision().publish()
    assert "Next review due April 1, 2027" in review_line(client.get(neck.url).content.decode())
    neck.next_review = datetime.date(2027, 1, 15)
    neck.save_revision().publish()
    html = client.get(neck.url).content.decode()
    assert '<time datetime="2027-01-15">Jan. 15, 2027</time>' in html
    # JSON-LD carries the last review (schema.org has no property for the next one).
    web_page = next(item for item in json_ld_of(html) if item["@type"] == "MedicalWebPage")
    assert web_page["lastReviewed"] == "2026-10-01"
    # The API both.
    data = client.get(
        "/api/v2/pages/?type=conditions.ConditionPage&locale=en&slug=neck-spasms"
        "&fields=last_reviewed,next_review_due"
    ).json()
    item = data["items"][0]
    assert (item["last_reviewed"], item["next_review_due"]) == ("2026-10-01", "2027-01-15")
    response = client.get("/api/v2/pages/?type=conditions.ConditionPage&next_review_due=x")
    assert response.status_code == 400


def test_the_next_review_comes_after_the_last(neck):
    neck.last_reviewed, neck.next_review = datetime.date(2026, 10, 1), datetime.date(2026, 9, 1)
    with pytest.raises(ValidationError) as raised:
        neck.clean()
    assert "next_review" in raised.value.message_dict


def test_an_overdue_page_is_marked_for_editors_only(client, admin_client, neck):
    ConditionPage.objects.filter(translation_key=neck.translation_key).update(
        last_reviewed=datetime.date(2020, 1, 1), next_review=None
    )
    # Patients get the page as always, with its dates.
    public = client.get(neck.url).content.decode()
    assert "Next review due Jan. 1, 2021" in review_line(public)
    assert "overdue" not in public.lower() and 'id="contents-heading"' in public
    # Editors: the page listing's status, the editor's status panel, the dashboard.
    listing = admin_client.get(f"/admin/pages/{neck.get_parent().pk}/").content.decode()
    assert "live, review overdue" in listing
    editor = admin_client.get(f"/admin/pages/{neck.pk}/edit/").content.decode()
    assert 'data-review-status="overdue"' in editor
    assert "Medical review overdue since Jan. 1, 2021" in editor
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Medical review overdue" in dashboard and "2021-01-01" in dashboard
    # Every page reviewed today: none overdue anywhere.
    ConditionPage.objects.update(last_reviewed=timezone.localdate(), next_review=None)
    editor = admin_client.get(f"/admin/pages/{neck.pk}/edit/").content.decode()
    assert 'data-review-status="current"' in editor
    listing = admin_client.get(f"/admin/pages/{neck.get_parent().pk}/").content.decode()
    assert "review overdue" not in listing and neck.title.split("&")[0] in listing
