"""Translators can download a PO file from wagtail-localize's editor, translate it
offline and upload it; bad uploads get a message, never a server error."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(page_by_path):
    """wagtail-localize's record for the Polish conditions index, created the way the
    admin's "Translate" action does."""
    english = page_by_path("/conditions/")
    polish = Locale.objects.get(language_code="pl")
    source, _ = TranslationSource.get_or_create_from_instance(english)
    record, _ = Translation.objects.get_or_create(
        source=source, target_locale=polish, defaults={"enabled": True}
    )
    record.save_target(publish=False)
    return record


def test_po_download_translate_upload_and_publish(
    admin_client, translation, client, django_capture_on_commit_callbacks
):
    url = f"/admin/localize/translate/{translation.pk}/pofile/"
    download = admin_client.get(url + "download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert len(po) >= 2
    for entry in po:
        entry.msgstr = f"PL {entry.msgid}" if entry.msgctxt != "slug" else "schorzenia"
    upload = SimpleUploadedFile("pl.po", str(po).encode(), content_type="text/x-gettext")
    response = admin_client.post(url + "upload/", {"file": upload, "next": "/admin/"})
    assert response.status_code == 302

    # wagtail-localize publishes when the transaction commits, as the editor's button does.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    page = translation.get_target_instance()
    page.refresh_from_db()
    assert page.slug == "schorzenia"
    client.logout()
    body = client.get(page.url).content.decode()
    assert "PL Conditions we treat" in body
    assert '<html lang="pl"' in body


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"file": SimpleUploadedFile("x.po", b"\xff\xfe not utf-8 \x00")},
        {"file": SimpleUploadedFile("x.po", b'msgid "a"\nmsgstr "b"\n')},
        {"file": SimpleUploadedFile("x.po", b"/etc/passwd")},
    ],
    ids=["no file", "not text", "no translation header", "a path"],
)
def test_bad_uploads_get_a_message_not_an_error(admin_client, translation, payload):
    url = f"/admin/localize/translate/{translation.pk}/pofile/upload/"
    response = admin_client.post(url, {**payload, "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert messages, "the translator is told what went wrong"
