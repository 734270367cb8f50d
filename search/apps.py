from django.apps import AppConfig
from django.core import checks


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import (  # deferred: they use models, loaded after apps
            caching,
            plugins,
            server_analysis,
            signals,
        )

        caching.connect()  # what a change here touches in the data cache
        signals.connect()
        plugins.register()  # lay terms for editors, the API's ?search= filter
        server_analysis.configure_backends()
        checks.register(server_analysis.check_server_plugins, "search", deploy=True)
