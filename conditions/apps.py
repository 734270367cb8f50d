from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from conditions import caching

        caching.connect()  # what a change here touches in the page cache
