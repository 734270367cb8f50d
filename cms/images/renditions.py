"""Image renditions are made when content is saved or published, never while a patient
waits: publishing a page makes every rendition its template, its link preview and its
structured data use; saving an image or a snippet with a photo does the same for the
pages that show it. `manage.py make_renditions` does it for the whole site (the demo
loader publishes through the same signal).

The specs here must match the templates':
  conditions/templates/conditions/condition_page.html   hero {% picture %}
  templates/blocks/image_with_caption.html               body {% picture %}
  templates/includes/social_meta.html                    fill-1200x630 (sharing)
  locations/templates/locations/location_page.html       fill-600x400, fill-160x160
  conditions/jsonld.py, locations/views.py               width-1200, fill-1200x800
tests/performance/test_renditions.py renders every page type and fails if a request
creates a rendition."""

import logging

from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

PICTURE = Filter.expand_spec(["format-{avif,webp,jpeg}", "width-{480,800,1200}"])
SHARE = ["fill-1200x630"]
HERO = [*PICTURE, *SHARE, "width-1200"]
CLINIC_PHOTO = ["fill-600x400"]
FIRST_CLINIC_PHOTO = [*CLINIC_PHOTO, *SHARE, "fill-1200x800"]
PORTRAIT = ["fill-160x160"]


def _stream_images(value):
    """Images of image-with-caption blocks anywhere in a StreamField value."""
    from wagtail.blocks import StreamValue

    if not isinstance(value, StreamValue):
        return
    for block in value:
        if block.block_type == "image" and hasattr(block.value, "get"):
            image = block.value.get("image")
            if image is not None:
                yield image
        elif isinstance(block.value, StreamValue):
            yield from _stream_images(block.value)


def page_images(page):
    """(image, specs) pairs for what `page`'s templates render."""
    page = page.specific
    wanted = []
    hero = getattr(page, "hero_image", None)
    if hero is not None:
        wanted.append((hero, HERO))
    for image in _stream_images(getattr(page, "body", None)):
        wanted.append((image, PICTURE))
    photos = getattr(page, "photos", None)
    if photos is not None:
        for position, photo in enumerate(photos.all().select_related("image")):
            wanted.append((photo.image, FIRST_CLINIC_PHOTO if position == 0 else CLINIC_PHOTO))
    team = getattr(page, "team_members", None)
    if team is not None:
        for member in team.all().select_related("clinician__photo"):
            if member.clinician.photo is not None:
                wanted.append((member.clinician.photo, PORTRAIT))
    return wanted


def ensure(image, specs):
    """Make the renditions of `image` that do not exist yet (a query when all do)."""
    try:
        image.get_renditions(*specs)
    except Exception:  # a broken file must not stop a publish; the request makes it then
        logger.exception("Could not make renditions of image %s", image.pk)


def ensure_for_page(page):
    for image, specs in page_images(page):
        ensure(image, specs)


def ensure_for_site_settings(site_settings):
    image = getattr(site_settings, "default_sharing_image", None)
    if image is not None:
        ensure(image, SHARE)


def ensure_everywhere():
    """Every rendition any live page or the site settings need. Returns the count of
    pages looked at."""
    from wagtail.models import Page

    from cms.models import SiteSettings

    count = 0
    for page in Page.objects.live().specific().iterator(chunk_size=200):
        ensure_for_page(page)
        count += 1
    for site_settings in SiteSettings.objects.select_related("default_sharing_image"):
        ensure_for_site_settings(site_settings)
    return count


def _on_page_published(sender, instance, **_kwargs):
    ensure_for_page(instance)


def _on_saved(sender, instance, created=False, raw=False, **_kwargs):
    """An image changed (a new file or focal point drops its renditions), a clinician's
    photo or the default sharing image: remake what live pages show of it."""
    if raw:
        return
    from wagtail.images import get_image_model

    from cms.models import Clinician, SiteSettings

    if sender is SiteSettings:
        ensure_for_site_settings(instance)
    elif sender is Clinician:
        if instance.photo_id:
            ensure(instance.photo, PORTRAIT)
    elif sender is get_image_model() and not created:
        remake_for_image(instance)


def remake_for_image(image):
    """What the pages, clinicians and site settings that use `image` show of it,
    found through Wagtail's reference index."""
    from wagtail.models import Page, ReferenceIndex

    from cms.models import Clinician, SiteSettings

    page_ids, specs = set(), set()
    references = ReferenceIndex.get_references_to(image).select_related("base_content_type")
    for reference in references:
        model = reference.base_content_type.model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            page_ids.add(int(reference.object_id))
        elif issubclass(model, Clinician):
            specs.update(PORTRAIT)
        elif issubclass(model, SiteSettings):
            specs.update(SHARE)
    if specs:
        ensure(image, sorted(specs))
    for page in Page.objects.live().filter(pk__in=page_ids).specific():
        ensure_for_page(page)


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    page_published.connect(_on_page_published, dispatch_uid="renditions-on-publish")
    post_save.connect(_on_saved, dispatch_uid="renditions-on-save")
