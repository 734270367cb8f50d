"""Wagtail's page chooser browser, mounted at its own URLs (cms/urls.py) so that it
shows no locale menu while condition pages are chosen. Kept apart from choosers.py:
Wagtail's chooser views import models, and choosers.py is imported by the models."""

from wagtail.admin.views.chooser import BrowseView

from conditions.choosers import choosing_condition_pages


class PageChooserBrowseView(BrowseView):
    """Wagtail's page chooser (mounted at its own URLs in cms/urls.py), without the
    locale menu when condition pages are chosen: that menu's links drop `locale`,
    so they led to another language's pages, which the form then refused. Everything
    else is Wagtail's: the language filter is the hook in choosers.py."""

    @property
    def i18n_enabled(self):
        return self._i18n_enabled and not choosing_condition_pages(self.request)

    @i18n_enabled.setter
    def i18n_enabled(self, value):
        # BrowseView.get sets this from WAGTAIL_I18N_ENABLED on every request.
        self._i18n_enabled = value
