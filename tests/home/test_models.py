from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from conditions.models import ConditionIndexPage
from home.models import HomePage, LanguageAssistancePage
from locations.models import LocationIndexPage


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_section_indexes(self):
        self.assertAllowedSubpageTypes(
            HomePage, {ConditionIndexPage, LocationIndexPage, LanguageAssistancePage}
        )
