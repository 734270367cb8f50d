from django.apps import AppConfig


class ExplorerPermissionsConfig(AppConfig):
    name = "explorer_permissions"
    verbose_name = "Page explorer permissions"
