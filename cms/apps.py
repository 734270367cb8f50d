from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site-wide"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: these modules use models, which Django loads only after every app's
        # config (the feature apps register their parts the same way, from ready()).
        from cms import checks  # noqa: F401 - registers the deployment checks
        from cms.caching import page_cache
        from cms.editorial import roles
        from cms.i18n import translations
        from cms.images import renditions
        from cms.security import spreadsheets

        page_cache.connect_invalidation()
        roles.connect_signals()  # new languages get their translators' group
        renditions.connect()
        translations.connect()  # publishing an English page carries its facts along
        spreadsheets.guard_exports()  # no export cell runs as a formula
