"""Caching: the full-page cache, the shared data cache, cached page routing and
dependency-based invalidation."""
