"""Plugs the reading-grade figure into the page editor (beside Wagtail's content
checks) and the reviewers' report into the Reports menu."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from conditions.models import ConditionPage
from readability import views


@hooks.register("register_admin_urls")
def readability_urls():
    return [
        path("readability/measure/", views.measure_view, name="readability_measure"),
        path(
            "reports/reading-grade/",
            views.report_view,
            {"model": ConditionPage},
            name="readability_report",
        ),
    ]


@hooks.register("insert_editor_js")
def editor_js():
    return format_html(
        '<script src="{}" data-measure-url="{}" id="readability-script" defer></script>',
        static("readability/editor.js"),
        reverse("readability_measure"),
    )


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Reading grade"), reverse("readability_report"), icon_name="doc-full", order=900
    )
