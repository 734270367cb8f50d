"""A guard in front of wagtail-localize's PO upload view: a request without a file,
or a PO file without wagtail-localize's translation header, gets a clear message
instead of a server error (the upstream view indexes both without checking)."""

import tempfile

import polib
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_localize.views.edit_translation import upload_pofile

HEADER = "X-WagtailLocalize-TranslationID"


@require_POST
def guarded_upload_pofile(request, translation_id):
    back = request.POST.get("next") or request.GET.get("next") or "/admin/"
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a PO file to upload."))
        return redirect(back)
    # polib takes a string as a file name when one exists by that name, so parse
    # from a file of our own, never from the uploaded text itself.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        copy.write(upload.read())
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
    upload.seek(0)
    return upload_pofile(request, translation_id)
