"""The permission matrix through Wagtail's permission API (page.permissions_for_user):
who may edit and who may publish which page, in English and in Spanish."""

import pytest
from wagtail.models import Page

from cms.editorial import roles

pytestmark = pytest.mark.django_db

Y, N = True, False

# page key: (editor, moderator, translator, manager-midtown) as (can edit, can publish)
MATRIX = {
    "en home": [(Y, Y), (N, N), (N, N), (N, N)],
    "en language assistance": [(Y, Y), (N, N), (N, N), (N, N)],
    "en condition index": [(Y, Y), (Y, Y), (N, N), (N, N)],
    "en neck spasms": [(Y, N), (Y, Y), (N, N), (N, N)],
    "en location index": [(Y, Y), (N, N), (N, N), (N, N)],
    "en midtown": [(Y, Y), (N, N), (N, N), (Y, Y)],
    "en astoria": [(Y, Y), (N, N), (N, N), (N, N)],
    "es home": [(N, N), (N, N), (Y, Y), (N, N)],
    "es language assistance": [(N, N), (N, N), (Y, Y), (N, N)],
    "es condition index": [(N, N), (Y, Y), (Y, Y), (N, N)],
    "es neck spasms": [(N, N), (Y, Y), (Y, N), (N, N)],
    "es midtown": [(N, N), (N, N), (Y, Y), (Y, Y)],
    "es astoria": [(N, N), (N, N), (Y, Y), (N, N)],
}
ROLES = ["editor", "moderator", "translator", "manager-midtown"]


@pytest.fixture
def pages(page_by_path, translate_page):
    english = {
        "en home": page_by_path("/"),
        "en language assistance": page_by_path("/language-assistance/"),
        "en condition index": page_by_path("/conditions/"),
        "en neck spasms": page_by_path("/conditions/neck-spasms/"),
        "en location index": page_by_path("/locations/"),
        "en midtown": page_by_path("/locations/midtown/"),
        "en astoria": page_by_path("/locations/astoria/"),
    }
    spanish = {
        "es " + key[3:]: translate_page(page, "es") if key != "en home" else None
        for key, page in english.items()
    }
    from wagtail.models import Locale

    spanish["es home"] = english["en home"].get_translation(Locale.objects.get(language_code="es"))
    return {**english, **spanish}


def test_every_role_user_is_a_plain_user(users):
    assert users["admin"].is_superuser
    for username, user in users.items():
        if username != "admin":
            assert not user.is_superuser and not user.is_staff, username
    assert {f"manager-{slug}" for slug in ["midtown", "astoria", "st-george"]} <= set(users)


def test_permission_matrix(users, pages):
    failures = []
    for key, expected in MATRIX.items():
        page = Page.objects.get(pk=pages[key].pk)  # a plain Page, as admin listings have
        for role, (can_edit, can_publish) in zip(ROLES, expected, strict=True):
            perms = page.permissions_for_user(users[role])
            got = (perms.can_edit(), perms.can_publish())
            if got != (can_edit, can_publish):
                failures.append(f"{role} on {key}: expected {(can_edit, can_publish)}, got {got}")
    assert not failures, "\n".join(failures)


def test_administrator_may_do_everything(users, pages):
    for key, page in pages.items():
        perms = page.permissions_for_user(users["admin"])
        assert perms.can_edit() and perms.can_publish(), key


def test_editor_cannot_unpublish_schedule_or_delete_live_condition_pages(users, pages):
    perms = pages["en neck spasms"].permissions_for_user(users["editor"])
    assert not perms.can_unpublish()
    assert not perms.can_unschedule()
    assert not perms.can_delete()
    assert perms.can_submit_for_moderation()
    # ...but publishes the clinics' pages, unpublishes them and removes closures.
    clinic_perms = pages["en midtown"].permissions_for_user(users["editor"])
    assert clinic_perms.can_publish() and clinic_perms.can_unpublish()


def test_creating_and_publishing_a_condition_page_in_one_go_needs_the_reviewers(users, pages):
    index = pages["en condition index"]
    assert index.permissions_for_user(users["editor"]).can_add_subpage()
    assert not index.permissions_for_user(users["editor"]).can_publish_subpage()
    assert index.permissions_for_user(users["moderator"]).can_publish_subpage()
    assert index.permissions_for_user(users["admin"]).can_publish_subpage()
    # The home page's other children are the editors' to publish.
    assert pages["en home"].permissions_for_user(users["editor"]).can_publish_subpage()


def test_the_clinical_review_workflow_covers_condition_pages_in_every_language(pages):
    for key in ["en neck spasms", "es neck spasms"]:
        workflow = pages[key].get_workflow()
        assert workflow is not None and workflow.name == roles.CLINICAL_REVIEW, key
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == [roles.CLINICAL_REVIEWERS]
    # Clinics are not held up by clinical review.
    assert pages["en midtown"].get_workflow().name != roles.CLINICAL_REVIEW


def test_managers_see_only_their_clinics_requests(users, pages):
    from locations.appointments.permissions import clinics_managed_by

    managed = set(clinics_managed_by(users["manager-midtown"]).values_list("pk", flat=True))
    midtown_versions = set(
        pages["en midtown"].get_translations(inclusive=True).values_list("pk", flat=True)
    )
    assert {pages["en midtown"].pk, pages["es midtown"].pk} <= managed == midtown_versions
    assert not managed & {pages["en astoria"].pk, pages["es astoria"].pk}
    assert users["manager-midtown"].has_perm("locations.view_appointmentrequest")
    assert not users["editor"].has_perm("locations.view_appointmentrequest")
    assert not users["translator"].has_perm("locations.view_appointmentrequest")


def test_model_permissions_of_the_fixed_groups(users):
    editor, translator, moderator = users["editor"], users["translator"], users["moderator"]
    assert editor.has_perm("cms.change_sitesettings")
    for label in ["cms.change_clinician", "conditions.add_bodyarea", "locations.change_insurance"]:
        assert editor.has_perm(label) and translator.has_perm(label), label
    assert not translator.has_perm("cms.change_sitesettings")
    assert not translator.has_perm("cms.delete_clinician")
    assert translator.has_perm("wagtail_localize.submit_translation")
    for user in users.values():
        assert user.has_perm("wagtailadmin.access_admin"), user.username
    assert not moderator.has_perm("cms.change_sitesettings")
