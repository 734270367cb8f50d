"""Translations of condition pages go through clinical review too, and the tree keeps
itself covered as it grows: new condition indexes, new clinics, new languages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, WorkflowPage, WorkflowState

from cms.editorial import roles
from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def test_a_translated_condition_index_gets_the_workflow(page_by_path, translate_page):
    index = page_by_path("/conditions/")
    spanish = translate_page(index, "es")
    assert WorkflowPage.objects.get(page=spanish).workflow.name == roles.CLINICAL_REVIEW
    reviewers = Group.objects.get(name=roles.CLINICAL_REVIEWERS)
    granted = set(
        GroupPagePermission.objects.filter(group=reviewers, page=spanish).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"change_page", "publish_page"} <= granted


def test_translator_submits_a_translated_condition_page_and_a_reviewer_approves(
    login, users, page_by_path, translate_page
):
    spanish = translate_page(page_by_path("/conditions/neck-spasms/"), "es")
    if spanish.live:  # start from a translation that has never been published
        spanish.unpublish(user=users["admin"])
        spanish.refresh_from_db()
    translator = login(users["translator"])

    # The translation editor offers no "Publish" to the translator...
    edit = translator.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
    assert edit.status_code == 200
    assert "&quot;canPublish&quot;: false" in edit.content.decode()
    # ...and publishing through it is refused.
    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=[spanish.pk]),
        {"action": "publish"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 403
    spanish.refresh_from_db()
    assert not spanish.live

    # The page listing offers "Submit for clinical review"; it starts the workflow.
    listing = translator.get(reverse("wagtailadmin_explore", args=[spanish.get_parent().pk]))
    url = reverse("conditions_submit_for_review", args=[spanish.pk])
    assert url in listing.content.decode()
    assert translator.get(url).status_code == 200
    assert translator.post(url).status_code == 302
    state = WorkflowState.objects.get(object_id=str(spanish.pk), status="in_progress")
    assert state.workflow.name == roles.CLINICAL_REVIEW
    assert state.requested_by == users["translator"]
    # Submitting twice is refused (the workflow is already running), saying so.
    again = translator.post(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert again.status_code == 409
    assert "already in clinical review" in again.content.decode()
    assert WorkflowState.objects.filter(object_id=str(spanish.pk)).count() == 1

    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[spanish.pk, "approve", state.current_task_state.pk],
    )
    login(users["moderator"]).post(approve, {})
    spanish.refresh_from_db()
    assert spanish.live


def test_those_who_may_publish_or_not_edit_get_no_submit_action(
    login, users, page_by_path, translate_page
):
    spanish = translate_page(page_by_path("/conditions/neck-spasms/"), "es")
    url = reverse("conditions_submit_for_review", args=[spanish.pk])
    for username in ["moderator", "editor", "manager-midtown"]:
        response = login(users[username]).post(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 403, username
    assert not WorkflowState.objects.filter(object_id=str(spanish.pk)).exists()


def test_a_new_clinic_gets_its_managers_group(page_by_path, users, login):
    index = page_by_path("/locations/")
    clinic = LocationPage(
        title="Harlem",
        slug="harlem",
        neighborhood="Harlem",
        borough="manhattan",
        street_address="1 West 125th Street",
        postal_code="10027",
        latitude="40.8075",
        longitude="-73.9465",
        phone="+12125550199",
    )
    index.add_child(instance=clinic)
    group = Group.objects.get(name="Location managers: Harlem")
    assert {p.codename for p in group.permissions.all()} >= {
        "access_admin",
        "view_appointmentrequest",
    }
    granted = set(
        GroupPagePermission.objects.filter(group=group, page=clinic).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"change_page", "publish_page", "lock_page", "unlock_page"}

    # A member may edit Harlem only.
    member = users["translator"].__class__.objects.create_user("harlem-manager")
    member.groups.add(group)
    assert clinic.permissions_for_user(member).can_publish()
    assert not page_by_path("/locations/midtown/").permissions_for_user(member).can_edit()


def test_a_clinics_translation_joins_its_managers_group(page_by_path, users, translate_page):
    midtown = page_by_path("/locations/midtown/")
    french = translate_page(midtown, "fr")
    perms = french.permissions_for_user(users["manager-midtown"])
    assert perms.can_edit() and perms.can_publish()
    assert not french.permissions_for_user(users["manager-astoria"]).can_edit()


def test_a_renamed_clinic_keeps_its_group(page_by_path, users):
    midtown = page_by_path("/locations/midtown/")
    group = roles.clinic_managers_group(midtown)
    midtown.title = "Midtown West"
    midtown.save()
    assert roles.clinic_managers_group(midtown) == group
    assert roles.apply_to_clinic(midtown) == group


def test_a_new_language_gets_the_translators(page_by_path):
    locale = Locale.objects.create(language_code="de")
    from home.models import HomePage

    german = page_by_path("/").copy_for_translation(locale)
    assert isinstance(german, HomePage)
    translators = Group.objects.get(name="Translators: German")
    assert GroupPagePermission.objects.filter(group=translators, page=german).exists()
    shared = Group.objects.get(name=roles.TRANSLATORS)
    assert not GroupPagePermission.objects.filter(group=shared, page=german).exists()
    editors = Group.objects.get(name=roles.MARKETING_EDITORS)
    assert not GroupPagePermission.objects.filter(group=editors, page=german).exists()
