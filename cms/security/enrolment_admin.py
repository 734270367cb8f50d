"""The admin's page for issuing a two-factor enrolment code for a staff account
(Settings → Users → More → Two-factor enrolment code), registered in cms/wagtail_hooks.py."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_otp import user_has_device
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from cms.security import enrolment

URL_NAME = "two_factor_enrolment_code"


class IssueEnrolmentCodeView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Two-factor enrolment code")
    header_icon = "key"
    template_name = "two_factor/issue.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, user_id):
        self.account = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
        if not enrolment.may_issue(request.user, self.account):
            raise PermissionDenied
        self.issued = None
        return super().dispatch(request, user_id)

    def post(self, request, user_id):
        code, record = enrolment.issue(self.account, issued_by=request.user)
        self.issued = {"code": code, "expires_at": record.expires_at}
        return self.get(request, user_id)

    def get_page_subtitle(self):
        return self.account.get_username()

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_header_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            name=self.account.get_full_name() or self.account.get_username(),
            has_app=user_has_device(self.account, confirmed=True),
            issued=self.issued,
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["Cache-Control"] = "private, no-store"  # a code is shown once
        return response


def admin_urls():
    return [
        path(
            "two-factor/enrolment-code/<int:user_id>/",
            IssueEnrolmentCodeView.as_view(),
            name=URL_NAME,
        )
    ]


def user_listing_buttons(user, request_user):
    """The page's link in the users listing's "More" menu, for those who may issue."""
    if user.is_active and enrolment.may_issue(request_user, user):
        yield Button(
            _("Two-factor enrolment code"),
            reverse(URL_NAME, args=[user.pk]),
            icon_name="key",
            priority=50,
        )
