"""A guard in front of wagtail-localize's PO upload view: a request without a file,
a file too large to be one of ours, or a PO file without wagtail-localize's
translation header gets a clear message instead of a server error (the upstream view
indexes both without checking). The translation is left as it was.

It is mounted ahead of the admin's own URLs (cms/urls.py), so it brings the admin's
access check with it, and, like the admin, goes back only to a `next` on this site."""

import tempfile

import polib
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views.edit_translation import upload_pofile

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
    upload.seek(0)
    return upload_pofile(request, translation_id)
