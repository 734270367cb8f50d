from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site as data (demo/data/) and the commands that load it."""

    name = "demo"
    default_auto_field = "django.db.models.BigAutoField"
