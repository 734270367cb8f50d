import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.api.endpoints import api_router
from cms.editorial.visible_pages import VisibleChosenMultipleView
from cms.i18n import po_files
from cms.security import two_factor
from cms.seo.sitemap import TranslatedSitemap
from conditions.chooser_views import PageChooserBrowseView
from search import views as search_views

# Wagtail's page chooser browser, one language at a time for condition pages; mounted
# ahead of the admin's URLs, so it brings the admin's access check with it.
page_chooser_browse = require_admin_access(PageChooserBrowseView.as_view())

urlpatterns = [
    path("healthz", cms_views.healthz, name="healthz"),
    path("api/v2/", api_router.urls),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("admin/2fa/setup/", two_factor.setup, name=two_factor.SETUP_URL_NAME),
    path("admin/2fa/verify/", two_factor.verify, name=two_factor.VERIFY_URL_NAME),
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        po_files.guarded_upload_pofile,
    ),
    path(
        "admin/localize/translate/<int:translation_id>/pofile/download/",
        po_files.checked_download_pofile,
    ),
    path("admin/choose-page/", page_chooser_browse),
    path("admin/choose-page/<int:parent_page_id>/", page_chooser_browse),
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(VisibleChosenMultipleView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Local media (uploaded images and their renditions) served by the app itself, so
    # one process is a complete site; a shared object store replaces this when configured.
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", cms_views.media)
    ]

# English (the source language) is unprefixed; every other language under its code.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "cms.views.bad_request"
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
