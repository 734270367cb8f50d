"""The home app's pages in the page cache (cms/caching/dependencies.py): each shows
itself and the shared chrome only (its links are part of the tree). Imported from
HomeConfig.ready() only."""

from cms.caching.dependencies import page_reads
from home.models import HomePage, LanguageAssistancePage


def connect():
    page_reads(HomePage)
    page_reads(LanguageAssistancePage)
