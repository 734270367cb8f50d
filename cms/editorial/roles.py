"""Editorial roles: who may edit, publish and review what (docs/roles.md explains why).

Groups and the "Clinical review" workflow are created by a data migration
(cms/migrations/0002_editorial_roles.py), so every database has them. What depends
on the page tree (page permissions, the workflow's place in the tree, one group per
clinic) is applied here:

- `apply_roles()` attaches everything to the current tree. It is idempotent; it runs
  from `load_demo_content` and `manage.py apply_roles` (after an operator builds or
  imports a tree).
- Signal handlers keep the tree covered as it grows: a new clinic gets its managers'
  group, a clinic's translation joins that group's pages, a new condition index (in
  any language) gets the workflow and the reviewers, a new language gets its
  translators' group ("Translators: Spanish") and its home page gets that group.

Page permissions in Wagtail are inherited by every page below the one they are
granted on. Marketing editors hold "publish" on the English home page, so that they
can publish the home page, indexes and clinics; `ClinicalReviewPermissionTester`
(cms/editorial/permission_testers.py) makes that inherited grant stop at the
condition index: on condition pages only a "publish" granted at the condition index
or below counts (the clinical reviewers' grant). Everybody else submits condition
pages to the "Clinical review" workflow.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import get_language_info
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MARKETING_EDITORS = "Marketing editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
TRANSLATORS = "Translators"
TRANSLATORS_PREFIX = "Translators: "  # one group per language, with that language's pages
LOCATION_MANAGERS_PREFIX = "Location managers: "
CLINICAL_REVIEW = "Clinical review"

ACCESS_ADMIN = "wagtailadmin.access_admin"
# Snippets editors and translators keep: the core's own here, each feature app's
# through `register_snippet` (called from its apps.py).
SNIPPET_EDIT = ["cms.add_clinician", "cms.change_clinician"]

# Model permissions of the fixed groups (the migration creates the same; this list
# is what `apply_roles` makes sure of, so a later addition reaches old databases).
MODEL_PERMISSIONS = {
    MARKETING_EDITORS: [
        ACCESS_ADMIN,
        "wagtail_localize.submit_translation",
        *SNIPPET_EDIT,
        "cms.delete_clinician",
        "cms.change_sitesettings",
    ],
    CLINICAL_REVIEWERS: [ACCESS_ADMIN],
    # Snippet translations go through the snippet's change view; Django's model
    # permissions cannot be limited to one language (docs/roles.md).
    TRANSLATORS: [ACCESS_ADMIN, "wagtail_localize.submit_translation", *SNIPPET_EDIT],
}
# The clinic's app adds what managers handle there (`register_role_pages(CLINIC, ...)`).
LOCATION_MANAGER_PERMISSIONS = [ACCESS_ADMIN]
# Permissions on the root collection (images and documents).
COLLECTION_PERMISSIONS = {
    MARKETING_EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    CLINICAL_REVIEWERS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
LOCATION_MANAGER_COLLECTION_PERMISSIONS = ["wagtailimages.add_image", "wagtailimages.choose_image"]

# Page permissions, by where they are granted.
EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]  # English home page
TRANSLATOR_PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]  # their language's home
REVIEWER_PAGE_ACTIONS = ["change", "publish", "lock", "unlock"]  # every condition index
MANAGER_PAGE_ACTIONS = ["change", "publish", "lock", "unlock"]  # the clinic, each language


# --- Groups, permissions and the workflow ----------------------------------------------


def _permissions(labels):
    """The Permission rows of "app_label.codename" labels, in their order, in one query."""
    keys = [tuple(label.split(".")) for label in labels]
    if not keys:
        return []
    wanted = Q()
    for app_label, codename in keys:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.filter(wanted).select_related("content_type")
    }
    missing = [".".join(key) for key in keys if key not in found]
    if missing:
        raise Permission.DoesNotExist(f"No permission {', '.join(missing)}")
    return [found[key] for key in keys]


def _page_permissions(actions):
    return _permissions(f"wagtailcore.{action}_page" for action in actions)


# Roles are applied on every new clinic and translation and by every apply_roles (a
# demo load, a test's demo logins): each grant reads what the group holds and adds
# the rest in one insert, instead of a lookup and a get_or_create per permission.


def grant_page(group, page, actions):
    """Give `group` `actions` ("add", "change", "publish", ...) on `page` and below."""
    held = set(
        GroupPagePermission.objects.filter(group=group, page_id=page.pk).values_list(
            "permission_id", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page.pk, permission=permission)
            for permission in _page_permissions(actions)
            if permission.pk not in held
        ],
        ignore_conflicts=True,  # granted meanwhile by another process: already there
    )


def _grant_collection(group, labels):
    root = Collection.get_first_root_node()
    if root is None:
        return
    held = set(
        GroupCollectionPermission.objects.filter(group=group, collection=root).values_list(
            "permission_id", flat=True
        )
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=root, permission=permission)
            for permission in _permissions(labels)
            if permission.pk not in held
        ],
        ignore_conflicts=True,
    )


def ensure_group(name, model_permissions, collection_permissions=()):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(model_permissions))
    _grant_collection(group, collection_permissions)
    return group


def ensure_groups():
    return {
        name: ensure_group(name, perms, COLLECTION_PERMISSIONS.get(name, ()))
        for name, perms in MODEL_PERMISSIONS.items()
    }


def clinical_review_workflow():
    """The "Clinical review" workflow: one task, approved by the clinical reviewers."""
    reviewers = ensure_group(
        CLINICAL_REVIEWERS,
        MODEL_PERMISSIONS[CLINICAL_REVIEWERS],
        COLLECTION_PERMISSIONS[CLINICAL_REVIEWERS],
    )
    workflow, _created = Workflow.objects.get_or_create(
        name=CLINICAL_REVIEW, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=CLINICAL_REVIEW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=CLINICAL_REVIEW)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _is_default_locale(page):
    return page.locale_id == Locale.get_default().pk


def translators_group_name(locale):
    try:
        language = get_language_info(locale.language_code)["name"]
    except KeyError:
        language = locale.language_code
    return (TRANSLATORS_PREFIX + language)[:150]


def translators_group(locale):
    """The translators of one language ("Translators: Spanish"), created on first use
    with what every translator needs; `apply_to_home` gives it that language's pages."""
    group, _created = Group.objects.get_or_create(name=translators_group_name(locale))
    group.permissions.add(*_permissions(MODEL_PERMISSIONS[TRANSLATORS]))
    _grant_collection(group, COLLECTION_PERMISSIONS[TRANSLATORS])
    return group


def apply_to_home(home):
    """English home: marketing editors. Any other language's home: that language's
    translators (and no longer the shared "Translators" group, which once held every
    language's pages and now holds model permissions only)."""
    if _is_default_locale(home):
        grant_page(Group.objects.get(name=MARKETING_EDITORS), home, EDITOR_PAGE_ACTIONS)
    else:
        grant_page(translators_group(home.locale), home, TRANSLATOR_PAGE_ACTIONS)
        GroupPagePermission.objects.filter(group__name=TRANSLATORS, page_id=home.pk).delete()


def apply_to_condition_index(index):
    """Every condition index, in every language: the workflow and its reviewers."""
    workflow = clinical_review_workflow()
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
    grant_page(Group.objects.get(name=CLINICAL_REVIEWERS), index, REVIEWER_PAGE_ACTIONS)


def managers_group_name(clinic):
    return (LOCATION_MANAGERS_PREFIX + clinic.title)[:150]


def clinic_managers_group(clinic):
    """The managers' group of a clinic (an English LocationPage), created on first use.
    Found by its permission on the clinic page, so renaming the clinic or the group
    keeps the link."""
    source = clinic.get_translation_or_none(Locale.get_default()) or clinic
    group = (
        Group.objects.filter(
            name__startswith=LOCATION_MANAGERS_PREFIX, page_permissions__page_id=source.pk
        )
        .order_by("pk")
        .first()
    )
    if group is None:
        group, _created = Group.objects.get_or_create(name=managers_group_name(source))
    group.permissions.add(*_permissions(LOCATION_MANAGER_PERMISSIONS))
    _grant_collection(group, LOCATION_MANAGER_COLLECTION_PERMISSIONS)
    grant_page(group, source, MANAGER_PAGE_ACTIONS)
    return group


def apply_to_clinic(clinic):
    """A clinic's managers edit and publish it and its translations."""
    group = clinic_managers_group(clinic)
    for page in clinic.get_translations(inclusive=True):
        grant_page(group, page, MANAGER_PAGE_ACTIONS)
    return group


@transaction.atomic
def apply_roles():
    """Attach the roles to the whole current tree. Idempotent. Returns a summary."""
    ensure_groups()
    clinical_review_workflow()
    languages = [
        translators_group(locale)
        for locale in Locale.objects.all()
        if locale.pk != Locale.get_default().pk
    ]
    homes = list(_role_pages(HOME))
    for home in homes:
        apply_to_home(home)
    indexes = list(_role_pages(CONDITION_INDEX))
    for index in indexes:
        apply_to_condition_index(index)
    clinics = list(_role_pages(CLINIC).filter(locale=Locale.get_default()))
    groups = [apply_to_clinic(clinic) for clinic in clinics]
    return {
        "home pages": len(homes),
        "condition indexes": len(indexes),
        "clinics": len(clinics),
        "clinic groups": sorted(group.name for group in groups),
        "translator groups": sorted(group.name for group in languages),
    }


# --- Keeping a growing tree covered ---------------------------------------------------


def _roles_exist():
    return Group.objects.filter(name=MARKETING_EDITORS).exists()


def on_home_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _roles_exist():
        apply_to_home(instance)


def on_condition_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _roles_exist():
        apply_to_condition_index(instance)


def on_locale_saved(sender, instance, created, raw=False, **kwargs):
    """A new language gets its translators' group at once (its pages come with its
    home page)."""
    if not created or raw or not _roles_exist():
        return
    try:
        default = Locale.get_default()
    except Locale.DoesNotExist:  # the source language is not set up yet
        default = None
    if default is not None and instance.pk != default.pk:
        translators_group(instance)


def on_clinic_saved(sender, instance, created, raw=False, **kwargs):
    """A new clinic gets its managers' group; a new translation joins its group."""
    if created and not raw:
        apply_to_clinic(instance)


def connect_signals():
    post_save.connect(on_locale_saved, sender=Locale, dispatch_uid="roles-locale")


# --- What the feature apps register -----------------------------------------------------

# The places in the tree that carry roles (docs/roles.md), and what a new page there gets.
HOME, CONDITION_INDEX, CLINIC = "home", "condition index", "clinic"
_ON_SAVED = {
    HOME: on_home_saved,
    CONDITION_INDEX: on_condition_index_saved,
    CLINIC: on_clinic_saved,
}
_role_models = {}  # place -> page model, from register_role_pages


def register_role_pages(place, model, manager_permissions=()):
    """Pages of `model` are the tree's `place` (HOME, CONDITION_INDEX, CLINIC):
    `apply_roles` covers the existing ones, and a new one gets its roles when it is
    created. For clinics, `manager_permissions` are model permissions the clinic's
    managers need besides the admin ("locations.change_appointmentrequest")."""
    if place not in _ON_SAVED:
        raise ValueError(f"unknown place {place!r}; known: {', '.join(_ON_SAVED)}")
    _role_models[place] = model
    _add_new(LOCATION_MANAGER_PERMISSIONS, manager_permissions)
    post_save.connect(
        _ON_SAVED[place], sender=model, dispatch_uid=f"roles-{place.replace(' ', '-')}"
    )


def register_snippet(model):
    """Editors add, change and delete snippets of `model`; translators add and change
    them (to translate them)."""
    label = model._meta.label_lower
    app_label, model_name = label.split(".")
    edit = [f"{app_label}.add_{model_name}", f"{app_label}.change_{model_name}"]
    _add_new(SNIPPET_EDIT, edit)
    for group in (MARKETING_EDITORS, TRANSLATORS):
        _add_new(MODEL_PERMISSIONS[group], edit)
    _add_new(MODEL_PERMISSIONS[MARKETING_EDITORS], [f"{app_label}.delete_{model_name}"])


def _add_new(permissions, labels):
    permissions.extend(label for label in labels if label not in permissions)


def _role_pages(place):
    """Every page of the model registered for `place` (none while no app registered one)."""
    model = _role_models.get(place)
    return model.objects.all() if model is not None else Page.objects.none()
