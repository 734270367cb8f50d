"""The PO upload guard over HTTP: the admin's access check, same-site `next` only,
a size cap; whatever is refused, the translation is left as it was."""

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve, reverse
from wagtail_localize.models import StringTranslation

from cms.i18n import po_files
from tests.cms import test_po_round_trip

pytestmark = pytest.mark.django_db

# The Polish translation record the round-trip test uses, as a fixture here too.
translation = test_po_round_trip.translation


def upload_url(record):
    # wagtail-localize's own URL name: if it moves its view, the URL moves with it.
    return reverse("wagtail_localize:upload_pofile", args=[record.pk])


def test_wagtail_localizes_upload_url_reaches_the_guard():
    """cms/urls.py takes the upload over by path; the path must still be the one
    wagtail-localize links to, or the guard would be bypassed."""
    assert resolve(reverse("wagtail_localize:upload_pofile", args=[1])).func is (
        po_files.guarded_upload_pofile
    )


@pytest.fixture
def translated_po(admin_user, translation):
    """The editor's own PO file for the translation, every string filled in
    (downloaded by a client of its own, so the test's client stays as it is)."""
    editor = Client()
    editor.force_login(admin_user)
    download = editor.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    po = polib.pofile(download.content.decode())
    for entry in po:
        entry.msgstr = f"PL {entry.msgid}" if entry.msgctxt != "slug" else "schorzenia"
    return str(po).encode()


def as_file(content):
    return SimpleUploadedFile("pl.po", content, content_type="text/x-gettext")


def imported(record):
    return StringTranslation.objects.filter(
        locale=record.target_locale, data__startswith="PL "
    ).count()


def test_anonymous_upload_is_sent_to_sign_in_and_imports_nothing(
    client, translation, translated_po
):
    response = client.post(
        upload_url(translation), {"file": as_file(translated_po), "next": "/admin/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert imported(translation) == 0


def test_account_without_admin_access_imports_nothing(
    client,
    django_user_model,
    translation,
    translated_po,
):
    client.force_login(django_user_model.objects.create_user("outsider", password="pw-x-12345"))
    response = client.post(upload_url(translation), {"file": as_file(translated_po)}, follow=True)
    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert "You do not have permission to access the admin." in response.content.decode()
    assert imported(translation) == 0


def test_editor_who_may_not_edit_the_page_is_refused_like_the_admin_does(
    client,
    django_user_model,
    translation,
    translated_po,
):
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("lookout", password="pw-lookout-123")
    user.groups.add(group)
    client.force_login(user)
    response = client.post(upload_url(translation), {"file": as_file(translated_po)}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "you do not have permission" in response.content.decode().lower()
    assert imported(translation) == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/admin/",
        "http:///evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
        "\\\\evil.example",
    ],
)
def test_next_never_leaves_the_site(admin_client, translation, target):
    # A refused file, an accepted file: neither goes off-site.
    refused = admin_client.post(upload_url(translation), {"next": target})
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"


def test_next_on_the_site_is_followed_after_an_import(admin_client, translation, translated_po):
    back = f"/admin/localize/translate/{translation.pk}/"
    response = admin_client.post(
        upload_url(translation), {"file": as_file(translated_po), "next": back}
    )
    assert response.status_code == 302
    assert response["Location"] == back
    assert imported(translation) > 0


def test_next_off_site_after_an_import_goes_to_the_dashboard(
    admin_client, translation, translated_po
):
    response = admin_client.post(
        upload_url(translation), {"file": as_file(translated_po), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"
    assert imported(translation) > 0


def test_a_file_over_the_cap_gets_a_message_and_changes_nothing(
    admin_client,
    translation,
    translated_po,
    settings,
):
    settings.PO_UPLOAD_MAX_BYTES = len(translated_po) - 1
    back = f"/admin/localize/translate/{translation.pk}/"
    response = admin_client.post(
        upload_url(translation), {"file": as_file(translated_po), "next": back}
    )
    assert response.status_code == 302
    assert response["Location"] == back
    text = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("a PO file from this site is at most" in m for m in text), text
    assert imported(translation) == 0
    # The same file under the cap goes in: the cap, not the file, refused it.
    settings.PO_UPLOAD_MAX_BYTES = len(translated_po)
    admin_client.post(upload_url(translation), {"file": as_file(translated_po), "next": back})
    assert imported(translation) > 0
