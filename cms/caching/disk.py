"""The disk cache every process on the machine shares (production without Redis)."""

from diskcache import DjangoCache


class SharedDiskCache(DjangoCache):
    """DiskCache's Django backend, left open between requests.

    Django closes every cache when a request finishes; DiskCache then closes its SQLite
    files and on the next request opens all of them again and re-reads their settings,
    about seven statements a file: 5 ms on every request, more than serving the page
    from the cache costs. Each thread keeps its own connections (DiskCache reopens them
    after a fork), so nothing is shared that should not be."""

    def close(self, **kwargs):
        """Keep the connections: see the class's docstring."""
