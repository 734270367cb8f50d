"""Lay terms: marketing edits them in the admin, per language, and a search for the
patient's words finds the page that uses the clinical ones."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from demo.users import ensure_demo_users
from search.models import LayTerm

pytestmark = pytest.mark.django_db


def result_hrefs(client, url):
    html = client.get(url).content.decode()
    return re.findall(
        r'<li class="search-result search-result--\w+">\s*<span class="tag">'
        r'[^<]*</span>\s*<a href="([^"]+)">',
        html,
    )


@pytest.fixture
def editor(client):
    cache.clear()
    ensure_demo_users()
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="editor"))
    yield client
    cache.clear()


def test_a_marketing_editor_adds_a_lay_term_in_the_admin(editor, client):
    spanish = Locale.objects.get(language_code="es")
    assert result_hrefs(client, "/es/search/?q=nuca+agarrotada") == []
    response = editor.post(
        "/admin/snippets/search/layterm/add/?locale=es",
        {"patient_words": "nuca agarrotada", "page_words": "espasmos de cuello", "both_ways": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = LayTerm.objects.get(patient_words="nuca agarrotada")
    assert term.locale == spanish
    client.logout()
    hits = result_hrefs(client, "/es/search/?q=nuca+agarrotada")
    assert hits and "espasmos" in hits[0]
    # Spanish lay terms are Spanish: the English search does not use them.
    assert result_hrefs(client, "/search/?q=nuca+agarrotada") == []


def test_the_editor_sees_the_list_and_may_edit(editor):
    response = editor.get("/admin/snippets/search/layterm/")
    assert response.status_code == 200
    assert "crick in the neck" in response.content.decode()
    term = LayTerm.objects.get(patient_words="crick in the neck")
    assert editor.get(f"/admin/snippets/search/layterm/edit/{term.pk}/").status_code == 200


def test_one_way_terms_do_not_apply_backwards(client):
    # "crick in the neck" → neck spasms, not the other way: a search for "spasms"
    # must not need the word "crick".
    assert "/conditions/neck-spasms/" in result_hrefs(client, "/search/?q=spasms")


def test_both_way_terms_apply_both_ways(client):
    assert (
        "/conditions/sciatica/" in result_hrefs(client, "/search/?q=pinched+nerve+in+the+back")[:3]
    )


def test_changing_a_lay_term_applies_at_once(client):
    from django.test import override_settings

    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        cache.clear()
        assert result_hrefs(client, "/search/?q=gorflenape") == []
        LayTerm.objects.create(
            locale=Locale.get_default(), patient_words="gorflenape", page_words="neck spasms"
        )
        assert "/conditions/neck-spasms/" in result_hrefs(client, "/search/?q=gorflenape")
        cache.clear()
