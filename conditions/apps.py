from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from conditions import caching, plugins  # deferred: they use models, loaded after apps

        plugins.register()  # this app's parts of the core (roles, landmarks, API, ...)
        caching.connect()  # what a change here touches in the page cache
