from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    """The translation lifecycle: which translations are behind their source, the
    translators' board, per-language translator groups and the translation editor's
    right-to-left support. Built on wagtail-localize's own records."""

    name = "localization"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: apps.py is imported before any model exists; these use models
        from localization import drafts, outdated, provenance

        drafts.connect()  # pages made in another language start as drafts
        outdated.connect()  # translations behind their source are marked and cleared
        provenance.connect()  # machine help and the approving review are recorded
