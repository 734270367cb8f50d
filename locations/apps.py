from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "locations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from locations import caching

        caching.connect()  # what a change here touches in the page cache
