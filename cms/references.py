"""A page's references indexed once per save, not once per row.

Wagtail keeps its reference index (which pages use which image, snippet or page: the
admin's usage counts, the warning before a delete) current from signal handlers on
every save: the page's own, then one for each child row the save commits, and each
of those re-reads the references of the whole page. A clinic has dozens of rows
(hours, closures, team, photos, stations), so a clinic published with its
translations (the facts sync republishes each one) re-read its references about forty
times per page: more than half the queries of the publish an editor waits for.

`ReferencesIndexedOnce` saves with those handlers off and then indexes the page once,
whole, through Wagtail's own handler (so a task backend that defers it still does)."""


class ReferencesIndexedOnce:
    """For a page model with child rows (ParentalKey), listed before Page."""

    def save(self, *args, **kwargs):
        # deferred: wagtail.signal_handlers loads models, and page models import this
        from wagtail.signal_handlers import (
            disable_reference_index_auto_update,
            reference_index_auto_update_disabled,
            update_reference_index_on_save,
        )

        # A caller that turned the handlers off indexes everything at its end (the demo
        # loader). Wagtail's switch does not nest: leaving an inner one would turn the
        # handlers back on inside the outer.
        if getattr(reference_index_auto_update_disabled, "value", False):
            return super().save(*args, **kwargs)
        with disable_reference_index_auto_update():
            result = super().save(*args, **kwargs)
        # Rows the save deleted are in the page's own index entries, which this rewrites.
        update_reference_index_on_save(instance=self)
        return result
