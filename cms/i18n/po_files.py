"""PO files a translator's tools accept, both ways, in front of wagtail-localize's
download and upload views (mounted ahead of the admin's own URLs, cms/urls.py, so they
bring the admin's access check with them).

Download: wagtail-localize's file, with the headers PO editors and GNU gettext's
`msgfmt -c` ask for (Language, Plural-Forms from the site's own catalog of that
language, Content-Type with its charset), each message once, and strings as typed
("PT & Rehab", not its HTML "PT &amp; Rehab"; cms/i18n/strings.py).

Upload: a request without a file, a file too large to be one of ours, or a PO file
without wagtail-localize's translation header gets a clear message instead of a server
error (the upstream view indexes both without checking). Entries marked fuzzy (a
guess, not a translation) are left out, with a message saying how many; the typed
strings are mapped back to the source's own. Like the admin, it goes back only to a
`next` on this site.

`download_pofile` and `upload_pofile` are wagtail-localize's own views, not a
documented API (tests/cms/test_private_api.py checks they are still there, called the
same way)."""

import functools
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import to_locale
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import String, StringSegment, StringTranslation, Translation
from wagtail_localize.views.edit_translation import download_pofile, upload_pofile

from cms.i18n.strings import as_typed

HEADER = "X-WagtailLocalize-TranslationID"


@never_cache
@require_admin_access
@require_POST
def guarded_upload_pofile(request, translation_id):
    # Same-site targets only (Django's url_has_allowed_host_and_scheme, via Wagtail).
    back = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(back)
    if upload.size > settings.PO_UPLOAD_MAX_BYTES:
        messages.error(
            request,
            _("This file is %(size)s; a PO file from this site is at most %(limit)s.")
            % {
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.PO_UPLOAD_MAX_BYTES),
            },
        )
        return redirect(back)
    # polib takes a string as a file name when one exists by that name, so parse
    # from a file of our own, never from the uploaded text itself.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            po = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError, ValueError):
            po = None
    if po is None:
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(back)
    if HEADER not in po.metadata:
        messages.error(
            request,
            _("This PO file was not downloaded from this site's translation editor."),
        )
        return redirect(back)
    translation = Translation.objects.filter(pk=translation_id).first()
    if translation is not None:
        fuzzy = _prepare_upload(po, translation)
        if fuzzy:
            messages.warning(
                request,
                _(
                    "Entries marked fuzzy, not imported: %(count)s. Confirm them in your "
                    "PO editor or the translation editor to use them."
                )
                % {"count": fuzzy},
            )
        request.FILES["file"] = SimpleUploadedFile(
            upload.name, str(po).encode("utf-8"), content_type="text/x-gettext-translation"
        )
    else:
        upload.seek(0)
    return upload_pofile(request, translation_id)


def _source_strings(translation):
    """{string as typed: the string as wagtail-localize holds it} of the translation's
    source, current and earlier (a downloaded file lists both)."""
    current = StringSegment.objects.filter(source=translation.source).values("string_id")
    earlier = StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale
    ).values("translation_of_id")
    rows = (
        String.objects.filter(pk__in=current)
        .values_list("data", flat=True)
        .union(String.objects.filter(pk__in=earlier).values_list("data", flat=True))
    )
    return {as_typed(data): data for data in rows}


def _prepare_upload(po, translation):
    """Leave out the fuzzy entries of `po` and give every msgid back its stored form.
    Returns how many were fuzzy."""
    fuzzy = [entry for entry in po if "fuzzy" in entry.flags and entry.msgstr]
    for entry in fuzzy:
        po.remove(entry)
    stored = _source_strings(translation)
    for entry in po:
        entry.msgid = stored.get(entry.msgid, entry.msgid)
    return len(fuzzy)


@functools.cache
def _catalog_headers(language_code):
    """Language and Plural-Forms of the site's own catalog of that language."""
    name = to_locale(language_code)
    for directory in settings.LOCALE_PATHS:
        path = Path(directory) / name / "LC_MESSAGES" / "django.po"
        if path.exists():
            metadata = polib.pofile(str(path)).metadata
            return {"Language": name, "Plural-Forms": metadata.get("Plural-Forms", "")}
    return {"Language": name, "Plural-Forms": "nplurals=2; plural=(n != 1);"}


@never_cache
@require_admin_access
def checked_download_pofile(request, translation_id):
    response = download_pofile(request, translation_id)
    if response.status_code != 200:
        return response
    translation = Translation.objects.select_related("target_locale").get(pk=translation_id)
    po = polib.pofile(response.content.decode("utf-8"))
    headers = _catalog_headers(translation.target_locale.language_code)
    po.metadata.update(
        {
            "Project-Id-Version": settings.WAGTAIL_SITE_NAME,
            "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
            "Last-Translator": "",
            "Language-Team": translation.target_locale.get_display_name(),
            "Language": headers["Language"],
            "Plural-Forms": headers["Plural-Forms"],
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        }
    )
    seen, kept = set(), []
    for entry in po:
        entry.msgid, entry.msgstr = as_typed(entry.msgid), as_typed(entry.msgstr)
        key = (entry.msgctxt, entry.msgid, entry.obsolete)
        if key not in seen:  # a message twice in one place: once is enough
            seen.add(key)
            kept.append(entry)
    po[:] = kept
    response.content = str(po).encode("utf-8")
    response["Content-Type"] = "text/x-gettext-translation; charset=utf-8"
    return response
