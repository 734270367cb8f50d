"""No save replaces a newer revision its saver has not seen.

Wagtail's page editor posts the revision it was opened on (`loaded_revision_id`,
`loaded_revision_created_at`) and, after an autosave, the autosaved revision
(`overwrite_revision_id`). Wagtail itself refuses an out-of-date *autosave*
("Saving will overwrite a newer version"), but lets "Save draft", "Publish" and
"Submit" replace a colleague's newer draft without a word. `EditorialPageForm` (the
base form of every page type here) refuses those too when another person saved in
between: the editor gets the form back with their input, a message naming who saved
and when, and a link comparing the version they opened with the newest. Saving again
from that form is a choice made knowingly (the form now carries the newest revision).
"""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision

from cms.time import new_york_time


def unseen_revision(page, data, user):
    """The page's latest revision when the posted form (`data`) was opened on an
    older one and someone other than `user` made it; else None. The same reading of
    the posted revision as Wagtail's autosave check (EditView.is_out_of_date)."""
    if page.pk is None:
        return None
    latest_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True)[0]
    latest = Revision.objects.filter(pk=latest_id).select_related("user").first()
    if latest is None:
        return None
    if overwritten := data.get("overwrite_revision_id"):
        stale = overwritten != str(latest.pk)
    elif loaded := data.get("loaded_revision_id"):
        stale = loaded != str(latest.pk) or (
            data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
        )
    else:
        stale = False
    if not stale or latest.user_id == user.pk:
        return None
    return latest


def compare_url(page, data):
    """The comparison of the revision the form was opened on with the newest one."""
    opened = data.get("overwrite_revision_id") or data.get("loaded_revision_id")
    if not (opened and opened.isdigit()):
        opened = "earliest"
    return reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, opened, "latest"])


def refusal(revision):
    return _(
        "%(name)s saved a newer version of this page on %(when)s, after you opened it. "
        "Nothing was saved: your changes are still in the form. Compare the versions, "
        "then save again to replace theirs."
    ) % {
        "name": get_user_display_name(revision.user) if revision.user else _("Someone"),
        "when": new_york_time(revision.created_at),
    }


class EditorialPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None and self.is_bound:
            revision = unseen_revision(self.instance, self.data, self.for_user)
            if revision is not None:
                raise ValidationError(refusal(revision), code="newer_revision")
        return cleaned_data


def compare_link_on_refusal(request, page):
    """before_edit_page hook: when this save will be refused (above), a message with
    the link comparing the versions (a form error cannot carry a link). Autosave
    (JSON) is Wagtail's own refusal."""
    if request.method != "POST" or not request.accepts("text/html"):
        return
    if unseen_revision(page, request.POST, request.user) is not None:
        messages.warning(
            request,
            _("Someone else saved this page after you opened it."),
            buttons=[messages.button(compare_url(page, request.POST), _("Compare versions"))],
        )
