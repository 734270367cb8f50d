"""Clinical pages are approved complete.

A translated condition page (clinical text) goes live only with every segment
translated and none kept from before its English changed (localization/segments.py):
"Submit for clinical review" refuses it while any is left (listing them), and so does a
reviewer's "Approve" (Wagtail's workflow action, which no hook can refuse: this
middleware answers it instead, with the reasons). Other pages may go live partly
translated; their English text is marked as such where it is shown."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from localization.fallback import CLINICAL_PAGES
from localization.segments import pending_segments

APPROVE_VIEWS = {"workflow_action", "collect_workflow_action_data"}


def must_be_complete(page):
    """Whether `page` (a translation) may go live only fully translated."""
    return page.specific_class._meta.label_lower in CLINICAL_PAGES


def blocking_segments(page):
    """The segments that keep `page` from clinical approval ([] when none or when the
    page may go live partly translated)."""
    if page.locale_id == Locale.get_default().pk or not must_be_complete(page):
        return []
    return pending_segments(page)


def refusal(pending):
    """Why the page cannot be submitted or approved, in one sentence."""
    return _(
        "Untranslated or out-of-date segments: %(count)s. A clinical page is approved "
        "only fully translated."
    ) % {"count": len(pending)}


class ClinicalApprovalGuardMiddleware:
    """Refuses "Approve" on a translated clinical page with segments left to translate
    or update; the reviewer is sent to the page's edit screen with the reasons."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name not in APPROVE_VIEWS
            or "wagtailadmin_pages" not in match.namespaces
            or view_kwargs.get("action_name") != "approve"
        ):
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None:
            return None
        pending = blocking_segments(page)
        if not pending:
            return None
        messages.error(request, _("Not approved: %(why)s") % {"why": refusal(pending)})
        return redirect(reverse("localization_status", args=[page.pk]))
