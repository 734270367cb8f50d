"""The page editor's duplicate warning: same title (type and language) or same
address (same parent), over HTTP behind the admin login."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale

from conditions.models import ConditionIndexPage, ConditionPage
from demo.users import ensure_demo_users

pytestmark = pytest.mark.django_db

CHECK = "duplicate_pages_check"


def check(client, **params):
    return client.get(reverse(CHECK), params)


@pytest.fixture
def neck(page_by_path):
    return page_by_path("/conditions/neck-spasms/")


def test_a_new_page_with_a_taken_title_links_to_the_existing_page(admin_client, neck):
    index = neck.get_parent()
    response = check(
        admin_client,
        parent=index.pk,
        type="conditions.conditionpage",
        title=f"  {neck.title.upper()} ",
    )
    assert response.status_code == 200
    [match] = response.json()["matches"]
    assert (match["id"], match["reason"]) == (neck.pk, "title")
    assert match["edit_url"] == reverse("wagtailadmin_pages:edit", args=[neck.pk])
    assert match["url"] == neck.url


def new_condition_matches(client, index, **typed):
    """[(id, reason)] for a new condition page under `index` with what was typed."""
    response = check(client, parent=index.pk, type="conditions.conditionpage", **typed)
    return [(m["id"], m["reason"]) for m in response.json()["matches"]]


@pytest.mark.parametrize(
    "typed",
    [
        # Typing "Neck spasms": Wagtail would make the slug neck-spasms, already in use.
        {"title": "Neck spasms"},
        {"title": "Something new", "slug": "neck-spasms"},
    ],
)
def test_a_taken_address_is_the_clash(admin_client, neck, typed):
    assert new_condition_matches(admin_client, neck.get_parent(), **typed) == [(neck.pk, "slug")]


def test_a_fresh_title_and_the_page_itself_are_not_duplicates(admin_client, neck):
    fresh = {"title": "Frozen shoulder in winter swimmers"}
    assert new_condition_matches(admin_client, neck.get_parent(), **fresh) == []
    itself = check(admin_client, page=neck.pk, title=neck.title, slug=neck.slug)
    assert itself.json()["matches"] == []


def test_other_languages_are_not_duplicates(admin_client, neck):
    spanish = Locale.objects.get(language_code="es")
    index = ConditionIndexPage.objects.get(locale=spanish)
    matches = check(
        admin_client,
        parent=index.pk,
        type="conditions.conditionpage",
        title=neck.title,
        slug="x-unused",
    ).json()["matches"]
    assert all(ConditionPage.objects.get(pk=m["id"]).locale_id == spanish.pk for m in matches), (
        matches
    )


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"parent": "abc"},
        {"parent": "999999", "type": "conditions.conditionpage"},
        {"parent": "3", "type": "auth.user"},
        {"parent": "3", "type": "nope"},
        {"page": "999999"},
    ],
)
def test_bad_input_is_a_clear_400(admin_client, params):
    response = check(admin_client, **params)
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_check_is_behind_the_admin_login(client, neck):
    response = check(client, page=neck.pk, title="x")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_create_view_loads_the_warning_script(admin_client, neck):
    index = neck.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", index.pk])
    body = admin_client.get(url).content.decode()
    assert "duplicate_pages/editor.js" in body
    assert reverse(CHECK) in body


# --- Only what the asking user may see -------------------------------------------------


@pytest.fixture
def contributor(django_user_model, neck):
    """Staff who may add condition pages under the index (Wagtail's "add" lets them
    edit their own pages only), so the existing condition pages are not theirs."""
    group = Group.objects.create(name="Condition contributors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=neck.get_parent(), permission=Permission.objects.get(codename="add_page")
    )
    user = django_user_model.objects.create_user("contributor", password="x")
    user.groups.add(group)
    return user


def test_a_page_the_asker_may_not_edit_is_neither_named_nor_linked(client, contributor, neck):
    client.force_login(contributor)
    index = neck.get_parent()
    by_title = check(
        client, parent=index.pk, type="conditions.conditionpage", title=neck.title, slug="x-new"
    )
    assert by_title.status_code == 200
    assert by_title.json()["matches"] == []
    [clash] = check(
        client, parent=index.pk, type="conditions.conditionpage", title="x", slug=neck.slug
    ).json()["matches"]
    # Wagtail refuses the taken address on save anyway; the check says so, no more.
    assert clash == {"id": None, "title": "", "reason": "slug", "edit_url": "", "url": ""}


@pytest.mark.parametrize("login", ["manager-midtown", "translator-es"])
def test_asking_about_a_page_one_may_not_edit_or_add_under_is_refused(client, neck, login):
    ensure_demo_users()
    client.force_login(get_user_model().objects.get(username=login))
    for params in (
        {"page": neck.pk, "title": neck.title},
        {"parent": neck.get_parent().pk, "type": "conditions.conditionpage", "title": neck.title},
    ):
        response = check(client, **params)
        assert response.status_code == 403, params
        assert neck.title not in response.content.decode()
