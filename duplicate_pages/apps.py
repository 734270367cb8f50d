from django.apps import AppConfig


class DuplicatePagesConfig(AppConfig):
    name = "duplicate_pages"
    verbose_name = "Duplicate page warnings"
