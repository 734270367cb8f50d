"""Keep a clinic's search entry in step with its subway stations.

Wagtail indexes a page when the page row is saved, which happens *before* its child
rows (modelcluster commits them after the page), so the index would lag one publish
behind an editor's change to the stations. Reindexing the clinic whenever one of its
station rows is saved or deleted fixes that; the last row saved sees them all.
Imported from SearchConfig.ready() only."""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index

from locations.models import LocationPage, SubwayStation


def reindex_clinic(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = LocationPage.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index.insert_or_update_object(page)


def connect():
    post_save.connect(reindex_clinic, sender=SubwayStation, dispatch_uid="search-subway-save")
    post_delete.connect(reindex_clinic, sender=SubwayStation, dispatch_uid="search-subway-delete")
