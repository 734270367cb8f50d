"""Editorial roles on every database: the groups with their model and collection
permissions, and the "Clinical review" workflow with its reviewers' task.

Page permissions and the workflow's place in the tree need the tree, which a fresh
database does not have yet: `manage.py apply_roles` (cms/editorial/roles.py) attaches them, and
load_demo_content runs it. The lists below are frozen here on purpose; cms/editorial/roles.py
carries the current ones and `apply_roles` adds anything added since."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACCESS_ADMIN = "wagtailadmin.access_admin"
SNIPPET_EDIT = [
    "cms.add_clinician",
    "cms.change_clinician",
    "conditions.add_bodyarea",
    "conditions.change_bodyarea",
    "locations.add_insurance",
    "locations.change_insurance",
]
GROUPS = {
    "Marketing editors": [
        ACCESS_ADMIN,
        "wagtail_localize.submit_translation",
        *SNIPPET_EDIT,
        "cms.delete_clinician",
        "conditions.delete_bodyarea",
        "locations.delete_insurance",
        "cms.change_sitesettings",
    ],
    "Clinical reviewers": [ACCESS_ADMIN],
    "Translators": [ACCESS_ADMIN, "wagtail_localize.submit_translation", *SNIPPET_EDIT],
}
COLLECTION = {
    "Marketing editors": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "Clinical reviewers": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    "Translators": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
CLINICAL_REVIEW = "Clinical review"


def create_roles(apps, schema_editor):
    # On a fresh database Django creates model permissions only after the last
    # migration (post_migrate); create the ones these groups need now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    def permission(label):
        app_label, codename = label.split(".")
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, labels in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(label) for label in labels])
        if root_collection is not None:
            for label in COLLECTION[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(label)
                )
        groups[name] = group

    workflow, _created = Workflow.objects.get_or_create(
        name=CLINICAL_REVIEW, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=CLINICAL_REVIEW).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=CLINICAL_REVIEW, active=True, content_type=content_type
        )
    task.groups.add(groups["Clinical reviewers"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=CLINICAL_REVIEW).delete()
    Task.objects.filter(name=CLINICAL_REVIEW).delete()
    Group.objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("conditions", "0001_initial"),
        ("locations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
