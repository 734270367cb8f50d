"""The few private or undocumented parts of Wagtail, wagtail-localize, django-modelsearch
and django-otp the core relies on, each used from one module. An upgrade that changes one
fails here first, naming the module to revisit, instead of somewhere deep in the suite.

Routing reads are primed on the request by cms/caching/routing.py (the site, the
route) and localization/middleware.py (the route): the checks below fail when Wagtail
stops reading what they prime."""

import inspect

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import RequestFactory
from django_otp.middleware import OTPMiddleware
from wagtail.api.v2 import filters as wagtail_api_filters
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, PagePermissionTester, Site
from wagtail_localize.views import edit_translation

from cms.editorial import permission_testers
from cms.editorial.roles import grant_page
from cms.i18n import po_files
from cms.security import middleware


def _parameters(function):
    return list(inspect.signature(function).parameters)


@pytest.mark.django_db
def test_page_permission_tester_keeps_its_actions_and_cached_grants(django_user_model, home_page):
    """permission_testers.py reads PagePermissionTester.permissions (the set of actions
    the user holds on the page) and permission_policy.get_cached_permissions_for_user
    (the GroupPagePermission rows behind them)."""
    user = django_user_model.objects.create_user("private-api-editor", password="x")
    group = Group.objects.create(name="Private API check")
    user.groups.add(group)
    grant_page(group, home_page, ["change", "publish"])

    tester = PagePermissionTester(user, home_page)

    assert isinstance(getattr(tester, "permissions", None), set), (
        "PagePermissionTester no longer sets .permissions (a set of actions): "
        "revisit cms/editorial/permission_testers.py"
    )
    assert {"change", "publish"} <= tester.permissions
    grants = list(tester.permission_policy.get_cached_permissions_for_user(user))
    assert grants and all(isinstance(grant, GroupPagePermission) for grant in grants), (
        "permission_policy.get_cached_permissions_for_user no longer yields "
        "GroupPagePermission rows: revisit cms/editorial/permission_testers.py"
    )
    assert permission_testers.granted_actions(tester, min_depth=home_page.depth) == {
        "change",
        "publish",
    }


def test_otp_middleware_installs_its_accessors_per_request():
    """cms/security/middleware.py calls OTPMiddleware._install_lazy_accessors(request)."""
    assert middleware.AdminTwoFactorMiddleware.__mro__[1] is OTPMiddleware
    assert _parameters(OTPMiddleware._install_lazy_accessors) == ["self", "request"], (
        "django-otp changed OTPMiddleware._install_lazy_accessors: revisit "
        "cms/security/middleware.py (AdminTwoFactorMiddleware.__call__)"
    )


def test_wagtail_localize_pofile_upload_view():
    """cms/i18n/po_files.py wraps wagtail-localize's upload view after its checks."""
    assert po_files.upload_pofile is edit_translation.upload_pofile
    assert _parameters(inspect.unwrap(edit_translation.upload_pofile)) == [
        "request",
        "translation_id",
    ], (
        "wagtail-localize changed upload_pofile(request, translation_id): "
        "revisit cms/i18n/po_files.py"
    )


@pytest.mark.django_db
def test_wagtail_api_tag_filter_marks_the_queryset():
    """search/api.py refuses ?search with ?tags by the mark Wagtail's field filter
    leaves on a queryset it filtered by tag."""

    class ImagesView:
        def get_available_fields(self, model, db_fields_only=False):
            return ["tags"]

    request = RequestFactory().get("/api/v2/images/", {"tags": "knee"})
    queryset = wagtail_api_filters.FieldsFilter().filter_queryset(
        request, get_image_model().objects.all(), ImagesView()
    )
    assert getattr(queryset, "_filtered_by_tag", False) is True, (
        "Wagtail's FieldsFilter no longer marks a tag-filtered queryset _filtered_by_tag: "
        "revisit search/api.py (WordsSearchFilter)"
    )


def test_wagtail_reads_the_site_and_route_primed_on_the_request():
    """cms/caching/routing.py sets request._wagtail_site (found by Site._find_for_request)
    and request._wagtail_route_for_request; localization/middleware.py sets the route."""
    request = RequestFactory().get("/conditions/")
    site, route = object(), object()
    request._wagtail_site = site
    request._wagtail_route_for_request = route
    revisit = "revisit cms/caching/routing.py and localization/middleware.py"
    assert Site.find_for_request(request) is site, (
        f"Site.find_for_request no longer reads request._wagtail_site: {revisit}"
    )
    assert Page.route_for_request(request, "/conditions/") is route, (
        f"Page.route_for_request no longer reads request._wagtail_route_for_request: {revisit}"
    )
    assert _parameters(Site._find_for_request) == ["request"], (
        "Site._find_for_request(request) changed: revisit cms/caching/routing.py"
    )


def test_modelsearch_index_tables_hold_the_columns_search_ranking_reads():
    """search/ranking.py writes SQL over django-modelsearch's index tables (the entries,
    SQLite's FTS5 table whose rowid is an entry's id) and PostgreSQL's field weights."""
    from modelsearch.backends.database.postgres import weights

    from search import ranking

    revisit = "revisit search/ranking.py (_ranked_in_database)"
    entry = ranking._index_model("IndexEntry")
    columns = {field.column for field in entry._meta.concrete_fields}
    assert {"id", "content_type_id", "object_id", "title_norm", "title", "body"} <= columns, (
        f"modelsearch's IndexEntry columns changed ({sorted(columns)}): {revisit}"
    )
    if connection.vendor == "sqlite":
        # modelsearch registers its FTS5 model only when the database is SQLite.
        fts = ranking._index_model("SQLiteFTSIndexEntry")
        fts_columns = {field.column for field in fts._meta.concrete_fields}
        assert {"rowid", "title", "body"} <= fts_columns, (
            f"modelsearch's SQLite FTS table changed ({sorted(fts_columns)}): {revisit}"
        )
    assert _parameters(weights.get_sql_weights) == [], (
        f"modelsearch's get_sql_weights() changed: {revisit}"
    )
