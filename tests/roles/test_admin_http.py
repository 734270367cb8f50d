"""The same rules over HTTP, as each role meets them in the admin."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from conditions.models import ConditionPage
from tests.locations.test_permissions import make_request

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_denied(client, url, method="get", data=None):
    """Wagtail's admin refuses with PermissionDenied: 403 to scripts (XMLHttpRequest);
    a browser is sent back to the dashboard with "Sorry, you do not have permission"."""
    send = getattr(client, method)
    response = send(url, data or {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 403, url
    response = send(url, data or {}, follow=True)
    assert response.redirect_chain == [("/admin/", 302)], url
    assert "you do not have permission" in response.content.decode(), url


def condition_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "condition_name": page.condition_name,
        "intro": page.intro,
        "hero_image": "",
        "hero_image_alt": "",
        "body_area": page.body_area_id or "",
        "reviewer": page.reviewer_id or "",
        "last_reviewed": page.last_reviewed.isoformat() if page.last_reviewed else "",
        "body": streamfield([]),
        "comments": inline_formset([]),
        "related_conditions": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def sciatica(page_by_path, users):
    """A condition page of our own with an empty body, live, made by an administrator."""
    index = page_by_path("/conditions/")
    page = ConditionPage(
        title="Sciatica",
        slug="sciatica-roles-test",
        condition_name="Sciatica",
        intro="Pain along the sciatic nerve.",
        last_reviewed=datetime.date(2025, 1, 15),
    )
    index.add_child(instance=page)
    page.save_revision(user=users["admin"]).publish(user=users["admin"])
    page.refresh_from_db()
    return page


def test_manager_edits_their_clinic_and_gets_403_on_another(login, users, page_by_path):
    client = login(users["manager-midtown"])
    assert client.get(edit_url(page_by_path("/locations/midtown/"))).status_code == 200
    for other in ["/locations/astoria/", "/conditions/neck-spasms/", "/"]:
        assert_denied(client, edit_url(page_by_path(other)))
    astoria = page_by_path("/locations/astoria/")
    assert_denied(client, edit_url(astoria), "post", {"title": "Hijacked", "action-publish": "1"})
    astoria.refresh_from_db()
    assert astoria.title != "Hijacked"


def test_manager_sees_only_their_clinics_requests(login, users, page_by_path):
    midtown = make_request(page_by_path("/locations/midtown/"), "Midtown Patient")
    astoria = make_request(page_by_path("/locations/astoria/"), "Astoria Patient")
    client = login(users["manager-midtown"])
    listing = client.get("/admin/appointment_requests/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"/admin/appointment_requests/edit/{midtown.pk}/" in html or (
        f"/admin/appointment_requests/inspect/{midtown.pk}/" in html
    )
    assert f"/{astoria.pk}/" not in html
    assert client.get(f"/admin/appointment_requests/inspect/{astoria.pk}/").status_code == 404
    own = client.get(f"/admin/appointment_requests/inspect/{midtown.pk}/")
    assert own.status_code == 200 and "Midtown Patient" in own.content.decode()
    # Another clinic's manager sees the other request, and editors see none.
    other = login(users["manager-astoria"]).get("/admin/appointment_requests/").content.decode()
    assert f"/{astoria.pk}/" in other and f"/{midtown.pk}/" not in other
    editor = login(users["editor"]).get("/admin/appointment_requests/")
    assert f"/{midtown.pk}/" not in editor.content.decode()


def test_translator_edits_spanish_pages_but_not_their_english_source(
    login, users, page_by_path, translate_page
):
    client = login(users["translator"])
    english = page_by_path("/language-assistance/")
    spanish = english.get_translation(english.locale.__class__.objects.get(language_code="es"))
    response = client.get(edit_url(spanish))
    assert response.status_code == 200
    assert_denied(client, edit_url(english))
    assert_denied(client, edit_url(page_by_path("/")))
    # A translated condition page opens in the translation editor, its source does not.
    neck = page_by_path("/conditions/neck-spasms/")
    spanish_neck = translate_page(neck, "es")
    assert client.get(edit_url(spanish_neck)).status_code == 200
    assert_denied(client, edit_url(neck))


def test_editor_cannot_publish_submits_and_reviewer_approves(login, users, sciatica):
    editor = login(users["editor"])
    assert editor.get(edit_url(sciatica)).status_code == 200

    # Asking to publish saves a draft and publishes nothing.
    form = condition_form(sciatica, intro="Edited by marketing.", **{"action-publish": "1"})
    response = editor.post(edit_url(sciatica), form)
    assert response.status_code in (200, 302)
    live = ConditionPage.objects.get(pk=sciatica.pk)
    assert live.intro == "Pain along the sciatic nerve."
    assert live.get_latest_revision().as_object().intro == "Edited by marketing."
    assert not PageLogEntry.objects.filter(page=sciatica, action="wagtail.publish").exclude(
        user=users["admin"]
    )

    # Submitting starts the Clinical review workflow.
    form = condition_form(sciatica, intro="Reviewed wording.", **{"action-submit": "1"})
    response = editor.post(edit_url(sciatica), form)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(sciatica.pk), status="in_progress")
    assert state.workflow.name == "Clinical review" and state.requested_by == users["editor"]
    assert ConditionPage.objects.get(pk=sciatica.pk).intro == "Pain along the sciatic nerve."

    # The editor cannot approve their own submission; the reviewer can.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[sciatica.pk, "approve", task_state.pk]
    )
    editor.post(approve_url, {})
    assert ConditionPage.objects.get(pk=sciatica.pk).intro == "Pain along the sciatic nerve."

    moderator = login(users["moderator"])
    response = moderator.post(approve_url, {})
    assert response.status_code in (200, 302)
    page = ConditionPage.objects.get(pk=sciatica.pk)
    assert page.live and page.intro == "Reviewed wording."
    state.refresh_from_db()
    assert state.status == "approved"

    # The audit log names who did what.
    entries = PageLogEntry.objects.filter(page=sciatica).order_by("timestamp", "pk")
    log = {entry.action: entry.user for entry in entries}  # the latest of each action
    assert log["wagtail.workflow.start"] == users["editor"]
    assert log["wagtail.workflow.approve"] == users["moderator"]
    assert log["wagtail.publish"] == users["moderator"]
    history = moderator.get(reverse("wagtailadmin_pages:history", args=[sciatica.pk]))
    assert history.status_code == 200 and "moderator" in history.content.decode()


def test_reviewer_rejects_and_the_page_stays_as_it_was(login, users, sciatica):
    editor = login(users["editor"])
    editor.post(
        edit_url(sciatica), condition_form(sciatica, intro="Risky claim.", **{"action-submit": "1"})
    )
    state = WorkflowState.objects.get(object_id=str(sciatica.pk), status="in_progress")
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[sciatica.pk, "reject", state.current_task_state.pk],
    )
    login(users["moderator"]).post(reject_url, {"comment": "Cite a source, please."})
    state.refresh_from_db()
    assert state.status == "needs_changes"
    assert ConditionPage.objects.get(pk=sciatica.pk).intro == "Pain along the sciatic nerve."


def test_dashboard_opens_for_every_role(login, users):
    for username in ["admin", "editor", "moderator", "translator", "manager-midtown"]:
        response = login(users[username]).get("/admin/")
        assert response.status_code == 200, username
