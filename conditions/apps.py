from django.apps import AppConfig


class ConditionsConfig(AppConfig):
    name = "conditions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from conditions import plugins  # uses models: imported once they are loaded

        plugins.register()  # this app's parts of the core (roles, landmarks, API, ...)
