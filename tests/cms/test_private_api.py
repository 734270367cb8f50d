"""Every private or undocumented part of Django, Wagtail, wagtail-localize,
django-modelsearch and django-otp the project relies on, listed in PRIVATE_API with the
module that uses it, and checked here by its shape: an upgrade that changes one fails
here first, naming the module to revisit, instead of somewhere deep in the suite.
URL takeovers (a view of ours mounted at a URL Wagtail or wagtail-localize reverses by
name) are checked by resolving that name. docs/architecture.md points here.

Routing reads are primed on the request by cms/caching/routing.py (the site, the
route, the site settings) and localization/middleware.py (the route): the checks
below fail when Wagtail stops reading what they prime."""

import copy
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

# (the internal, the module of ours that relies on it): the one list, in test order.
PRIVATE_API = [
    (
        "PagePermissionTester.permissions, permission_policy cached grants",
        "cms/editorial/permission_testers.py",
    ),
    ("django-otp OTPMiddleware._install_lazy_accessors", "cms/security/middleware.py"),
    ("wagtail-localize upload_pofile / download_pofile views", "cms/i18n/po_files.py"),
    ("Wagtail API FieldsFilter's queryset mark _filtered_by_tag", "search/api.py"),
    (
        "request._wagtail_site, request._wagtail_route_for_request, Site._find_for_request",
        "cms/caching/routing.py, localization/middleware.py",
    ),
    (
        "modelsearch IndexEntry / SQLiteFTSIndexEntry tables, get_sql_weights, conf.get_app_config",
        "search/ranking.py",
    ),
    ("modelsearch.utils.deep_update", "search/server_analysis.py"),
    ("Django HttpRequest._get_raw_host", "cms/caching/routing.py"),
    ("Wagtail BaseSiteSetting.get_cache_attr_name, ._request", "cms/caching/routing.py"),
    ("Django forms.Media._js", "conditions/choosers.py"),
    (
        "Django QuerySet._result_cache/_prefetch_done, Model._prefetched_objects_cache, "
        "Model._state.fields_cache",
        "locations/clinic_page.py",
    ),
    (
        "Wagtail SpreadsheetExportMixin.preprocess_field_value, replaced (monkeypatch)",
        "cms/security/spreadsheets.py",
    ),
    (
        "Wagtail chooser BrowseView.i18n_enabled, ChosenMultipleView reading ?id=",
        "conditions/chooser_views.py, cms/editorial/visible_pages.py",
    ),
    (
        "wagtail-localize UpdateTranslationsView form's publish_translations",
        "localization/wagtail_hooks.py",
    ),
    (
        "wagtail-localize TranslationCreator(user, target_locales).create_translations",
        "localization/views.py",
    ),
    (
        "modelcluster ClusterableModel._cluster_related_objects (child rows set in memory)",
        "cms/caching/fragments.py, conditions/models.py, locations/models.py",
    ),
    (
        "Wagtail WorkflowMixin._current_workflow_states (the workflow a publish cancels)",
        "cms/i18n/translations.py",
    ),
    (
        "Wagtail reference index switch: signal_handlers.reference_index_auto_update_disabled, "
        "update_reference_index_on_save",
        "cms/references.py",
    ),
    (
        "Wagtail admin helpers: mail.send_mail, utils, userbar.ContentCheckerItem",
        "localization/outdated.py, cms/i18n/po_files.py, cms/editorial/concurrent_edits.py, "
        "cms/editorial/content_checker.py",
    ),
]


def test_every_module_the_list_names_exists():
    from tests.servers import ROOT

    named = [m for _what, modules in PRIVATE_API for m in modules.split(", ")]
    named += [mounted for *_rest, mounted in TAKEOVERS]
    assert [m for m in named if not (ROOT / m.split(" ")[0]).exists()] == []


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


def test_django_request_raw_host():
    """cms/caching/routing.py keys the cached site by the raw Host header, as
    Site._find_for_request does."""
    request = RequestFactory().get("/", HTTP_HOST="clinic.example:8443")
    assert _parameters(request._get_raw_host) == [] and request._get_raw_host() == (
        "clinic.example:8443"
    ), "Django changed HttpRequest._get_raw_host(): revisit cms/caching/routing.py"


@pytest.mark.django_db
def test_site_settings_cache_on_the_request(site):
    """cms/caching/routing.py primes the site settings where for_request looks first,
    with the request attached as for_request attaches it (page links in settings)."""
    from cms.models import SiteSettings

    request = RequestFactory().get("/")
    request._wagtail_site = site
    found = SiteSettings.for_request(request)
    revisit = "revisit cms/caching/routing.py (prime_site_settings)"
    assert getattr(request, SiteSettings.get_cache_attr_name(), None) is found, (
        f"Wagtail no longer caches site settings under get_cache_attr_name(): {revisit}"
    )
    assert found._request is request, f"Wagtail's site settings dropped ._request: {revisit}"
    primed = RequestFactory().get("/")
    setattr(primed, SiteSettings.get_cache_attr_name(), found)
    assert SiteSettings.for_request(primed) is found, (
        f"SiteSettings.for_request no longer reads the primed attribute: {revisit}"
    )


def test_django_media_keeps_its_script_list():
    """conditions/choosers.py appends its script to Wagtail's, in order, via Media._js."""
    from django import forms

    assert forms.Media(js=["a.js", "b.js"])._js == ["a.js", "b.js"], (
        "Django's forms.Media._js changed: revisit conditions/choosers.py "
        "(StartingPageChooserAdapter.media)"
    )


@pytest.mark.django_db
def test_a_queryset_filled_by_hand_answers_as_a_prefetch(page_by_path, django_assert_num_queries):
    """locations/clinic_page.py fills a clinic's photos from the data cache as a
    prefetch would leave them (_result_cache, _prefetch_done, _prefetched_objects_cache)."""
    midtown = page_by_path("/locations/midtown/")
    photos = list(midtown.photos.all())
    rows = midtown.photos.model.objects.all()
    rows._result_cache, rows._prefetch_done = photos, True
    midtown._prefetched_objects_cache = {"photos": rows}
    with django_assert_num_queries(0):
        assert list(midtown.photos.all()) == photos, (
            "Django's prefetch cache changed shape: revisit locations/clinic_page.py"
        )
    # A foreign key's object is cached in _state.fields_cache under the field's name.
    photo = photos[0]
    image = photo.image
    clone = copy.copy(photo)
    clone._state.fields_cache = {"image": image}
    with django_assert_num_queries(0):
        assert clone.image is image, (
            "Django's related-object cache (_state.fields_cache) changed: revisit "
            "locations/clinic_page.py (_unlinked)"
        )


def test_wagtail_chooser_views_keep_what_the_subclasses_change():
    """conditions/chooser_views.py turns BrowseView.i18n_enabled into a property (get()
    assigns it per request); cms/editorial/visible_pages.py narrows ChosenMultipleView's
    ?id= list before its get() reads it."""
    from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView

    assert "self.i18n_enabled =" in inspect.getsource(BrowseView.get), (
        "Wagtail's BrowseView.get no longer sets i18n_enabled: revisit conditions/chooser_views.py"
    )
    assert 'getlist("id")' in inspect.getsource(ChosenMultipleView.get), (
        "Wagtail's ChosenMultipleView.get no longer reads ?id=: revisit "
        "cms/editorial/visible_pages.py"
    )


def test_wagtail_localize_update_translations_form():
    """localization/wagtail_hooks.py subclasses UpdateTranslationsView and clears the
    form's publish_translations so that updated translations stay drafts."""
    from wagtail_localize.views.update_translations import UpdateTranslationsView

    revisit = "revisit localization/wagtail_hooks.py (UpdateTranslationsAsDrafts)"
    assert callable(UpdateTranslationsView.get_form) and _parameters(
        UpdateTranslationsView.form_valid
    ) == ["self", "form"], f"wagtail-localize changed UpdateTranslationsView: {revisit}"
    assert 'cleaned_data["publish_translations"]' in inspect.getsource(
        UpdateTranslationsView.form_valid
    ), f"UpdateTranslationsView.form_valid no longer reads publish_translations: {revisit}"


def test_wagtail_localize_translation_creator():
    from wagtail_localize.operations import TranslationCreator

    revisit = "revisit localization/views.py (start_translation)"
    assert _parameters(TranslationCreator.__init__) == ["self", "user", "target_locales"], (
        f"wagtail-localize changed TranslationCreator(user, target_locales): {revisit}"
    )
    assert _parameters(TranslationCreator.create_translations)[:2] == ["self", "instance"], (
        f"wagtail-localize changed TranslationCreator.create_translations: {revisit}"
    )


def test_modelsearch_helpers():
    from modelsearch.conf import get_app_config
    from modelsearch.utils import deep_update

    assert deep_update({"a": {"b": 1, "c": 2}}, {"a": {"c": 3}}) == {"a": {"b": 1, "c": 3}}, (
        "modelsearch.utils.deep_update changed: revisit search/server_analysis.py"
    )
    assert get_app_config().get_model("IndexEntry"), (
        "modelsearch.conf.get_app_config changed: revisit search/ranking.py"
    )


@pytest.mark.django_db
def test_modelcluster_keeps_child_rows_set_in_memory_in_its_slot(page_by_path, rf):
    """Kept HTML (cms/caching/fragments.py renders_from_memory) and the pages' own
    lists (conditions/models.py, locations/models.py) tell a page whose rows were set
    in memory (a preview of unsaved edits) by modelcluster's _cluster_related_objects."""
    from cms.caching.fragments import renders_from_memory

    page = page_by_path("/locations/midtown/")
    request = rf.get(page.url)
    list(page.hours_exceptions.all())  # reading the saved rows sets nothing
    assert not getattr(page, "_cluster_related_objects", None)
    assert not renders_from_memory(page, request)
    page.hours_exceptions = list(page.hours_exceptions.all())[:1]
    assert "hours_exceptions" in getattr(page, "_cluster_related_objects", {}), (
        "modelcluster no longer keeps in-memory child rows in _cluster_related_objects: "
        "revisit cms/caching/fragments.py, conditions/models.py, locations/models.py"
    )
    assert renders_from_memory(page, request)


@pytest.mark.django_db
def test_wagtail_reads_the_workflow_to_cancel_from_the_prefetch_slot(page_by_path, admin_user):
    """translations.FactsPublish empties _current_workflow_states so that publishing
    facts cancels no review: Wagtail must still read current_workflow_state from it."""
    from wagtail.actions.publish_revision import PublishRevisionAction

    page = page_by_path("/conditions/neck-spasms/")
    page.get_workflow().start(page, admin_user)
    assert page.current_workflow_state is not None
    page._current_workflow_states = []
    assert page.current_workflow_state is None, (
        "WorkflowMixin.current_workflow_state no longer reads _current_workflow_states: "
        "revisit cms/i18n/translations.py (FactsPublish)"
    )
    assert "current_workflow_state" in inspect.getsource(PublishRevisionAction._after_publish), (
        "Wagtail's publish no longer finds the workflow to cancel by current_workflow_state: "
        "revisit cms/i18n/translations.py (FactsPublish)"
    )


def test_wagtail_admin_helpers_keep_their_signatures():
    """Helpers from Wagtail's admin internals (not its documented API)."""
    from wagtail.admin.mail import send_mail
    from wagtail.admin.userbar import ContentCheckerItem
    from wagtail.admin.utils import get_user_display_name, get_valid_next_url_from_request
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert _parameters(send_mail)[:3] == ["subject", "message", "recipient_list"], (
        "wagtail.admin.mail.send_mail changed: revisit localization/outdated.py"
    )
    assert _parameters(get_user_display_name) == ["user"], (
        "wagtail.admin.utils.get_user_display_name changed: revisit "
        "cms/editorial/concurrent_edits.py"
    )
    assert _parameters(get_valid_next_url_from_request) == ["request"], (
        "wagtail.admin.utils.get_valid_next_url_from_request changed: revisit cms/i18n/po_files.py"
    )
    assert _parameters(SpreadsheetExportMixin.preprocess_field_value) == [
        "self",
        "field",
        "value",
        "export_format",
    ], "Wagtail's SpreadsheetExportMixin changed: revisit cms/security/spreadsheets.py"
    assert getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralises_formulas", False), (
        "Wagtail's exports no longer go through the replaced preprocess_field_value: "
        "revisit cms/security/spreadsheets.py"
    )
    assert {"axe_include", "axe_run_only"} <= set(dir(ContentCheckerItem)), (
        "Wagtail's ContentCheckerItem changed: revisit cms/editorial/content_checker.py"
    )


# URLs Wagtail or wagtail-localize reverse by name, answered by a view of ours mounted
# ahead of theirs: (URL name, arguments, our view, the module that mounts it).
TAKEOVERS = [
    (
        "wagtail_localize:upload_pofile",
        [1],
        "cms.i18n.po_files.guarded_upload_pofile",
        "cms/urls.py",
    ),
    (
        "wagtail_localize:download_pofile",
        [1],
        "cms.i18n.po_files.checked_download_pofile",
        "cms/urls.py",
    ),
    (
        "wagtailadmin_choose_page",
        [],
        "conditions.chooser_views.PageChooserBrowseView",
        "cms/urls.py",
    ),
    (
        "wagtailadmin_choose_page_child",
        [1],
        "conditions.chooser_views.PageChooserBrowseView",
        "cms/urls.py",
    ),
    (
        "wagtailadmin_choose_page_chosen_multiple",
        [],
        "cms.editorial.visible_pages.VisibleChosenMultipleView",
        "cms/urls.py",
    ),
    (
        "wagtail_localize:update_translations",
        [1],
        "localization.wagtail_hooks.UpdateTranslationsAsDrafts",
        "localization/wagtail_hooks.py",
    ),
]


@pytest.mark.parametrize(
    ("name", "args", "ours", "mounted_in"), TAKEOVERS, ids=[t[0] for t in TAKEOVERS]
)
def test_url_takeovers_answer_the_url_its_owner_reverses(name, args, ours, mounted_in):
    from django.urls import resolve, reverse
    from django.utils.module_loading import import_string

    resolved = resolve(reverse(name, args=args)).func
    found = views_inside(resolved)
    assert views_inside(import_string(ours)) & found, (
        f"{name} now resolves to {resolved.__module__}.{resolved.__qualname__}, not {ours}: "
        f"the URL moved, revisit {mounted_in}"
    )


def views_inside(view):
    """The view and everything its decorators wrap: functools' __wrapped__, a class-based
    view's view_class, and the functions a decorator closes over (Wagtail's
    require_admin_access keeps the view only in its closure)."""
    found, todo = set(), [view]
    while todo:
        item = todo.pop()
        if item in found:
            continue
        found.add(item)
        todo += [
            getattr(item, attr) for attr in ("__wrapped__", "view_class") if hasattr(item, attr)
        ]
        todo += [
            cell.cell_contents
            for cell in getattr(item, "__closure__", None) or ()
            if callable(getattr(cell, "cell_contents", None))
        ]
    return found


def test_wagtails_reference_index_switch_is_a_thread_local_flag():
    """cms/references.py reads the flag Wagtail's disable_reference_index_auto_update
    sets, and calls its save handler for the page once."""
    from wagtail import signal_handlers

    flag = signal_handlers.reference_index_auto_update_disabled
    assert not getattr(flag, "value", False)
    with signal_handlers.disable_reference_index_auto_update():
        assert flag.value is True, (
            "Wagtail's disable_reference_index_auto_update no longer sets "
            "reference_index_auto_update_disabled.value: revisit cms/references.py"
        )
    assert not getattr(flag, "value", False)
    assert _parameters(signal_handlers.update_reference_index_on_save) == ["instance", "kwargs"], (
        "Wagtail changed update_reference_index_on_save: revisit cms/references.py"
    )
