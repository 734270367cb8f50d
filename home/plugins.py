"""What the home app plugs into the core (cms), from HomeConfig.ready()."""

from cms.editorial import roles
from cms.images import renditions
from cms.seo import navigation
from home.models import HomePage, LanguageAssistancePage


def register():
    roles.register_role_pages(roles.HOME, HomePage)
    navigation.register_landmark("assistance", LanguageAssistancePage)
    renditions.register_page_images(HomePage, renditions.body_images)
