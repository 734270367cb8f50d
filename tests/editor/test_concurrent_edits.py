"""Two people editing one page: a save made from a form opened before a colleague's
newer revision is refused ("Save draft", "Publish", "Submit" and autosave), naming
who saved and when, with the input kept and the versions' comparison linked."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import querydict_from_html

from cms.editorial.concurrent_edits import EditorialPageForm
from cms.time import new_york_time
from demo.users import ensure_demo_users
from home.models import LanguageAssistancePage
from tests.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

MINE, THEIRS = "My new intro, typed first.", "Their new intro, saved meanwhile."


@pytest.fixture
def editors(client, django_user_model):
    """(client signed in as the demo editor, a colleague in the same groups)."""
    ensure_demo_users()
    editor = get_user_model().objects.get(username="editor")
    colleague = django_user_model.objects.create_user(
        "colleague", first_name="Maria", last_name="Lopez"
    )
    colleague.groups.set(editor.groups.all())
    client.force_login(editor)
    return client, colleague


def save_meanwhile(page, user):
    """The colleague's save, made after the form was opened."""
    draft = page.get_latest_revision_as_object()
    draft.intro = THEIRS
    return draft.save_revision(user=user)


def refused(response, page, revision, opened):
    body = response.content.decode()
    assert response.status_code == 200, response.get("Location")
    when = new_york_time(revision.created_at)
    assert escape(f"Maria Lopez saved a newer version of this page on {when}") in body
    assert when[-3:] in {"EST", "EDT"}
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, opened, "latest"])
    assert compare in body
    assert MINE in body  # the input is still in the form
    page.refresh_from_db()
    assert page.get_latest_revision().pk == revision.pk
    assert page.get_latest_revision_as_object().intro == THEIRS
    return body


@pytest.mark.parametrize("action", ["save", "publish"])
def test_a_stale_save_or_publish_is_refused_then_made_knowingly(editors, page_by_path, action):
    client, colleague = editors
    page = LanguageAssistancePage.objects.filter(locale__language_code="en").first()
    live_intro = page.intro
    data = edit_form_data(client, page, intro=MINE)
    revision = save_meanwhile(page, colleague)
    if action == "publish":
        data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    body = refused(client.post(url, data), page, revision, data["loaded_revision_id"])
    page.refresh_from_db()
    assert page.intro == live_intro  # nothing published either
    # The form came back still naming the revision it was opened on, so Wagtail's
    # autosave stays refused, but carrying the newest one's time: saving again from
    # it is a choice made knowingly.
    again = querydict_from_html(body, form_id="page-edit-form")
    assert again["loaded_revision_id"] == data["loaded_revision_id"]
    assert again["loaded_revision_created_at"] == revision.created_at.isoformat()
    autosave = client.post(url, again, HTTP_ACCEPT="application/json")
    assert autosave.json()["error_code"] == "invalid_revision"
    data.setlist("loaded_revision_created_at", again.getlist("loaded_revision_created_at"))
    assert client.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == MINE


def test_a_stale_submit_for_review_is_refused(editors, page_by_path):
    client, colleague = editors
    page = page_by_path("/conditions/neck-spasms/").specific
    data = edit_form_data(client, page, intro=MINE)
    revision = save_meanwhile(page, colleague)
    data["action-submit"] = "action-submit"
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    refused(client.post(url, data), page, revision, data["loaded_revision_id"])
    assert (
        page.current_workflow_state is None or page.current_workflow_state.status != "in_progress"
    )


def test_a_stale_autosave_is_refused(editors):
    client, colleague = editors
    page = LanguageAssistancePage.objects.filter(locale__language_code="en").first()
    data = edit_form_data(client, page, intro=MINE)
    save_meanwhile(page, colleague)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "invalid_revision"
    assert page.get_latest_revision_as_object().intro == THEIRS


def test_ones_own_newer_save_does_not_block(editors):
    client, _colleague = editors
    page = LanguageAssistancePage.objects.filter(locale__language_code="en").first()
    data = edit_form_data(client, page, intro=MINE)
    editor = get_user_model().objects.get(username="editor")
    save_meanwhile(page, editor)  # the same person, in another tab
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302


def test_every_page_type_has_the_guard():
    ours = [
        m for m in get_page_models() if m._meta.app_label in {"home", "conditions", "locations"}
    ]
    assert len(ours) >= 5
    for model in ours:
        form = model.get_edit_handler().get_form_class()
        assert issubclass(form, EditorialPageForm), model
