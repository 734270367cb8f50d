"""The home app's pages in the page cache (cms/caching/dependencies.py): each shows
itself and the shared chrome only (its links are part of the tree)."""

from cms.caching.dependencies import page_reads


def connect():
    from home.models import HomePage, LanguageAssistancePage

    page_reads(HomePage)
    page_reads(LanguageAssistancePage)
