"""No save replaces a newer revision its saver has not seen.

Wagtail's page editor posts the revision it was opened on (`loaded_revision_id`,
`loaded_revision_created_at`) and, after an autosave, the autosaved revision
(`overwrite_revision_id`). Wagtail itself refuses an out-of-date *autosave*
("Saving will overwrite a newer version"), but lets "Save draft", "Publish" and
"Submit" replace a colleague's newer draft without a word. `EditorialPageForm` (the
base form of every page type here) refuses those too when another person saved in
between: the editor gets the form back with their input, a message naming who saved
and when, and a link comparing the version they opened with the newest. Saving again
from that form is a choice made knowingly (the form now carries the newest revision's
time).
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
    """The page's latest revision when someone other than `user` made it and the
    posted form (`data`) has not seen it; else None.

    Seen means: the form was opened on it (`loaded_revision_id` and its
    `loaded_revision_created_at`, as Wagtail reads them: an autosave overwrites a
    revision in place, so the time tells), or it is the user's own autosave
    (`overwrite_revision_id`), or the form came back from a refusal naming it (it then
    carries its time, see before_a_refused_save). A form that says nothing is not
    judged."""
    if page.pk is None:
        return None
    latest_id = Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True)[0]
    latest = Revision.objects.filter(pk=latest_id).select_related("user").first()
    loaded, loaded_at = data.get("loaded_revision_id"), data.get("loaded_revision_created_at")
    if latest is None or latest.user_id == user.pk or not (loaded or loaded_at):
        return None
    seen = loaded_at == latest.created_at.isoformat() or (
        data.get("overwrite_revision_id") == str(latest.pk)
    )
    return None if seen else latest


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


def before_a_refused_save(request, page):
    """before_edit_page hook, for a save the form above will refuse: a message with the
    link comparing the versions (a form error cannot carry a link), and the form comes
    back still naming the revision it was opened on (Wagtail renders
    `loaded_revision_id` from `page`), so Wagtail's autosave stays paused rather than
    saving the input over the colleague's; Wagtail gives it the newest revision's time
    (`loaded_revision_created_at`), so a save made from it reads as seen. Autosave
    (JSON) gets Wagtail's own refusal."""
    if request.method != "POST" or not request.accepts("text/html"):
        return
    if unseen_revision(page, request.POST, request.user) is None:
        return
    opened = request.POST.get("loaded_revision_id", "")
    if opened.isdigit():
        page.latest_revision_id = int(opened)
    messages.warning(
        request,
        _("Someone else saved this page after you opened it."),
        buttons=[messages.button(compare_url(page, request.POST), _("Compare versions"))],
    )
