from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import plugins, signals  # use models: imported once they are loaded

        signals.connect()
        plugins.register()  # lay terms for editors, the API's ?search= filter
