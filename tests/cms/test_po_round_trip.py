"""Translators can download a PO file from wagtail-localize's editor, translate it
offline and upload it; bad uploads get a message, never a server error."""

import os
import shutil
import subprocess

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.require import require

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


@pytest.fixture
def spanish_clinic_list(page_by_path):
    """wagtail-localize's record for the Spanish clinic list, its English title holding
    an ampersand (kept by wagtail-localize as "&amp;")."""
    english = page_by_path("/locations/")
    english.title = "Clinics & PT Rehab"
    english.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(english)
    return Translation.objects.get(source=source, target_locale__language_code="es")


def test_downloaded_po_passes_msgfmt_and_fuzzy_entries_are_not_imported(
    admin_client, spanish_clinic_list, tmp_path
):
    translation = spanish_clinic_list
    url = f"/admin/localize/translate/{translation.pk}/pofile/"
    download = admin_client.get(url + "download/")
    assert download.status_code == 200
    assert "charset=utf-8" in download["Content-Type"].lower()
    text = download.content.decode()
    po = polib.pofile(text)
    assert po.metadata["Language"] == "es"
    assert po.metadata["Plural-Forms"].startswith("nplurals=2;")
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert "&amp;" not in text and any(e.msgid == "Clinics & PT Rehab" for e in po)
    path = tmp_path / "es.po"
    path.write_text(text, encoding="utf-8")
    msgfmt = shutil.which("msgfmt")
    require(msgfmt is not None, "GNU gettext's msgfmt is needed to check a PO file")
    checked = subprocess.run(  # noqa: S603 - our own file, a fixed tool
        [msgfmt, "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and "warning" not in checked.stderr, checked.stderr

    # A translator's PO editor: one entry confirmed, one left as a fuzzy guess.
    title = next(entry for entry in po if entry.msgctxt == "title")
    intro = next(entry for entry in po if entry.msgctxt == "intro")
    title.msgstr, title.flags = "Clínicas & Rehabilitación", []
    intro.msgstr, intro.flags = "Una suposición sin revisar", ["fuzzy"]
    upload = SimpleUploadedFile("es.po", str(po).encode(), content_type="text/x-gettext")
    response = admin_client.post(url + "upload/", {"file": upload, "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "Entries marked fuzzy, not imported: 1." in messages, messages
    imported = dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("context__path", "data")
    )
    assert imported.get("title") == "Clínicas & Rehabilitación"
    assert imported.get("intro") != "Una suposición sin revisar"
