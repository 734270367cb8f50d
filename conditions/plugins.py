"""What the conditions app plugs into the core (cms), from ConditionsConfig.ready()."""

from cms.api.endpoints import register_page_queryset
from cms.editorial import roles
from cms.images import renditions
from cms.seo import navigation
from conditions.models import BodyArea, ConditionIndexPage, ConditionPage


def condition_page_images(page):
    hero = [(page.hero_image, renditions.HERO)] if page.hero_image is not None else []
    return hero + renditions.body_images(page)


def register():
    roles.register_role_pages(roles.CONDITION_INDEX, ConditionIndexPage)
    roles.register_snippet(BodyArea)
    navigation.register_landmark("conditions", ConditionIndexPage)
    renditions.register_page_images(ConditionPage, condition_page_images)
    register_page_queryset(ConditionPage, lambda pages: pages.select_related("body_area"))
