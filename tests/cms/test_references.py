"""A page's references (Wagtail's reference index: what uses which image or page) are
indexed once per save, whole (cms/references.py), and come out as Wagtail's own
rebuild makes them, however the page's rows changed."""

from collections import Counter
from unittest import mock

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from locations.models import LocationPhoto

pytestmark = pytest.mark.django_db


def index_rows():
    return sorted(
        ReferenceIndex.objects.values_list(
            "content_type_id", "object_id", "to_content_type_id", "to_object_id", "content_path"
        )
    )


def uses_of(image):
    return {reference.object_id for reference in ReferenceIndex.get_references_to(image)}


def test_a_clinics_rows_are_indexed_as_wagtails_rebuild_indexes_them(page_by_path):
    """A photo added, a photo removed, the team emptied, published with the clinic's
    translations (the facts sync republishes them): the index is what Wagtail's
    rebuild_references_index makes of the same database."""
    clinic = page_by_path("/locations/midtown/")
    new_image = get_image_model().objects.exclude(
        pk__in=clinic.photos.values_list("image_id", flat=True)
    )[0]
    removed = clinic.photos.first()
    assert str(clinic.pk) not in uses_of(new_image)

    photos = [photo for photo in clinic.photos.all() if photo.pk != removed.pk]
    photos.append(LocationPhoto(image=new_image, alt_text="The new gym"))
    clinic.photos = photos
    clinic.team_members = []
    clinic.phone = "+12125550144"
    clinic.save_revision().publish()

    assert str(clinic.pk) in uses_of(new_image)
    assert not clinic.photos.filter(image=removed.image).exists()
    assert str(clinic.pk) not in uses_of(removed.image)
    indexed = index_rows()
    call_command("rebuild_references_index", verbosity=0)
    assert index_rows() == indexed


def test_a_publish_reads_each_pages_references_once(page_by_path):
    """A clinic's publish restores every row from its revision and saves them all, and
    the facts sync republishes each translation: each page's references are read once
    per save of the page (the revision's and the publish's), not once per row."""
    clinic = page_by_path("/locations/midtown/")
    clinic.phone = "+12125550145"
    with mock.patch.object(
        ReferenceIndex,
        "create_or_update_for_object",
        wraps=ReferenceIndex.create_or_update_for_object,
    ) as indexed:
        clinic.save_revision().publish()
    pages = [call.args[0].pk for call in indexed.call_args_list]
    translations = clinic.get_translations().filter(alias_of__isnull=True)
    saves_per_publish = 2
    assert Counter(pages) == dict.fromkeys(
        [clinic.pk, *translations.values_list("pk", flat=True)], saves_per_publish
    )


def test_inside_a_bulk_load_the_page_is_left_to_the_loaders_own_rebuild(page_by_path):
    """A loader that turned indexing off for its whole run (demo/loader.py) keeps it off
    after a page's save, and indexes at its end."""
    condition = page_by_path("/conditions/neck-spasms/")
    condition.title = "Neck spasms (reloaded)"
    with (
        mock.patch.object(ReferenceIndex, "create_or_update_for_object") as indexed,
        disable_reference_index_auto_update(),
    ):
        condition.save()
        Page.objects.get(pk=condition.pk).specific.save()
    assert indexed.call_count == 0
