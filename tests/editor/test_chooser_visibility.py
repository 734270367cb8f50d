"""The admin's page chooser answers only with what the asking user may see: live
pages and the pages they may edit, browsing or asking for chosen pages by id."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from conditions.models import ConditionPage
from demo.users import ensure_demo_users

pytestmark = pytest.mark.django_db

SECRET = "Secret draft about knee braces"


@pytest.fixture
def draft(page_by_path):
    index = page_by_path("/conditions/neck-spasms/").get_parent()
    page = ConditionPage(title=SECRET, slug="secret-draft", intro="Not yet.", live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


def as_user(client, username):
    ensure_demo_users()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def browse(client, parent_id):
    url = reverse("wagtailadmin_choose_page_child", args=[parent_id])
    response = client.get(url, {"page_type": "wagtailcore.page"})
    assert response.status_code == 200
    return response.json()["html"]


def chosen(client, page_id):
    response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": page_id})
    assert response.status_code == 200
    return [page["id"] for page in response.json()["result"]]


@pytest.mark.parametrize("username", ["manager-midtown", "translator-es"])
def test_a_draft_one_may_not_edit_is_not_offered(client, draft, username):
    client = as_user(client, username)
    assert SECRET not in browse(client, draft.get_parent().pk)
    assert "Neck" in browse(client, draft.get_parent().pk)  # live pages still are
    assert chosen(client, draft.pk) == []


@pytest.mark.parametrize("username", ["editor", "admin"])
def test_those_who_may_edit_it_see_it(client, draft, username):
    client = as_user(client, username)
    assert SECRET in browse(client, draft.get_parent().pk)
    assert chosen(client, draft.pk) == [draft.pk]
