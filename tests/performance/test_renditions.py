"""No patient's request creates an image rendition: publishing (and the demo loader,
which publishes) made every rendition the templates use beforehand."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition
from wagtail.models import Locale

from cms.images import renditions
from tests.performance.conftest import HTTPS, page_urls

pytestmark = pytest.mark.django_db


def new_image(title="Hero for tests"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), "#3a7").save(buffer, "JPEG")
    image = get_image_model()(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="hero.jpg")
    image.save()
    return image


def test_no_page_type_creates_a_rendition_on_request(client):
    from wagtail.models import Page

    assert Rendition.objects.exists(), "the demo loader made renditions"
    urls = set(page_urls().values())
    urls.update(page.url for page in Page.objects.live().filter(depth__gte=3)[:60])
    before = Rendition.objects.count()
    for url in sorted(urls):
        response = client.get(url, **HTTPS)
        assert response.status_code == 200, url
    assert Rendition.objects.count() == before


def test_publishing_a_hero_image_makes_its_renditions_before_anyone_asks(client):
    from conditions.models import ConditionIndexPage, ConditionPage

    index = ConditionIndexPage.objects.get(locale=Locale.get_default())
    image = new_image()
    page = ConditionPage(
        title="Wrist sprain",
        slug="wrist-sprain",
        intro="A stretched or torn wrist ligament.",
        hero_image=image,
        hero_image_alt="A therapist at work",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(renditions.HERO) <= made

    before = Rendition.objects.count()
    response = client.get(page.url, **HTTPS)
    assert response.status_code == 200
    assert "<picture" in response.content.decode()
    assert Rendition.objects.count() == before


def test_a_changed_image_gets_its_renditions_again(client):
    from locations.models import LocationPage

    clinic = LocationPage.objects.get(locale=Locale.get_default(), slug="midtown")
    image = clinic.photos.first().image
    image.renditions.all().delete()
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()  # a new focal point: the renditions are made anew
    assert image.renditions.filter(filter_spec="fill-600x400").exists()

    before = Rendition.objects.count()
    assert client.get(clinic.url, **HTTPS).status_code == 200
    assert Rendition.objects.count() == before


def test_make_renditions_command_is_idempotent():
    from django.core.management import call_command

    call_command("make_renditions", verbosity=0)
    before = Rendition.objects.count()
    call_command("make_renditions", verbosity=0)
    assert Rendition.objects.count() == before
