"""Pages and documents restricted to signed-in staff (Wagtail view restrictions of type
"login" or "groups", private document collections) ask for the second step of sign-in
too: a password alone gets the code step, never the content (cms/wagtail_hooks.py)."""

from html import escape

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import resolve
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms import views as cms_views
from tests.cms.test_two_factor import current_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]

PAGE = "/conditions/neck-spasms/"
SECRET = b"Staff rota: not for patients"


@pytest.fixture
def two_factor_on():
    with override_settings(TWO_FACTOR_REQUIRED=True):
        yield


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("frontdesk", password="pw-frontdesk-2fa")
    user.groups.add(Group.objects.get(name="Marketing editors"))
    return user


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="app", confirmed=True)


def verify(client, device, next_url):
    response = client.post("/admin/2fa/verify/", {"token": current_code(device), "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    return client.get(next_url)


@pytest.mark.parametrize("kind", ["login", "groups"])
def test_a_restricted_page_asks_a_password_only_user_for_the_code(
    client, staff, device, page_by_path, kind
):
    page = page_by_path(PAGE)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == "groups":
        restriction.groups.add(Group.objects.get(name="Marketing editors"))
    title = escape(page.title)  # as the page shows it

    anonymous = client.get(PAGE)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    client.force_login(staff)  # the password, nothing more
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/2fa/verify/?next={PAGE}"
    assert "no-store" in response["Cache-Control"]
    assert title not in response.content.decode()

    shown = verify(client, device, PAGE)
    assert shown.status_code == 200 and title in shown.content.decode()


def test_a_staff_member_without_an_app_is_sent_to_set_one_up(client, staff, page_by_path):
    PageViewRestriction.objects.create(page=page_by_path(PAGE), restriction_type="login")
    client.force_login(staff)
    response = client.get(PAGE)
    assert response["Location"] == f"/admin/2fa/setup/?next={PAGE}"


def test_users_the_restriction_refuses_get_wagtails_own_answer(
    client, django_user_model, page_by_path
):
    restriction = PageViewRestriction.objects.create(
        page=page_by_path(PAGE), restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get(name="Clinical reviewers"))
    outsider = django_user_model.objects.create_user("outsider", password="pw-outsider-2fa")
    client.force_login(outsider)
    response = client.get(PAGE)
    assert response.status_code == 302 and "/2fa/" not in response["Location"]


def test_public_pages_need_no_code(client, staff, device):
    client.force_login(staff)
    assert client.get(PAGE).status_code == 200


@pytest.fixture
def private_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Rota", collection=collection, file=ContentFile(SECRET, name="rota.txt")
    )
    return document


def test_a_private_document_asks_a_password_only_user_for_the_code(
    client, staff, device, private_document
):
    url = private_document.url
    assert url.startswith("/documents/")
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/2fa/verify/?next={url}"

    shown = verify(client, device, url)
    assert shown.status_code == 200
    body = b"".join(shown.streaming_content) if shown.streaming else shown.content
    assert body == SECRET


@pytest.mark.parametrize("path", ["documents/rota.txt", "original_images/../documents/rota.txt"])
def test_document_files_are_never_served_from_media(client, settings, tmp_path, path):
    """Only /documents/<id>/<name> serves a document's file, after its restrictions."""
    settings.MEDIA_ROOT = tmp_path
    for folder in ("documents", "original_images"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "rota.txt").write_bytes(SECRET)
    assert resolve(f"/media/{path}").func is cms_views.media
    assert client.get("/media/original_images/rota.txt").status_code == 200  # images are
    assert client.get(f"/media/{path}").status_code == 404
