"""The dashboard panel (reviews due, translations behind), and the roles' setup:
the migration, apply_roles, the demo logins."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Workflow, WorkflowPage

from cms.editorial import roles
from conditions.models import ConditionPage
from conditions.wagtail_hooks import reviews_due, translations_behind
from demo.users import ensure_demo_users

pytestmark = pytest.mark.django_db


def test_reviews_older_than_twelve_months_are_listed(page_by_path, users):
    neck = page_by_path("/conditions/neck-spasms/")
    today = timezone.localdate()
    ConditionPage.objects.exclude(pk=neck.pk).update(last_reviewed=today)
    neck.last_reviewed = today - datetime.timedelta(days=200)
    neck.save()
    assert list(reviews_due(users["editor"])) == []
    ConditionPage.objects.filter(pk=neck.pk).update(
        last_reviewed=today - datetime.timedelta(days=400)
    )
    assert [page.pk for page in reviews_due(users["editor"])] == [neck.pk]
    assert [page.pk for page in reviews_due(users["moderator"])] == [neck.pk]
    # Managers and translators (no English condition pages) do not see it.
    assert list(reviews_due(users["manager-midtown"])) == []
    assert list(reviews_due(users["translator"])) == []


def test_translations_behind_their_english_source(page_by_path, users):
    assert list(translations_behind(users["translator"])) == []
    english = page_by_path("/language-assistance/")
    english.intro = "Free language help, now also by video call."
    english.save_revision(user=users["editor"]).publish(user=users["editor"])
    behind = list(translations_behind(users["translator"]))
    assert {page.locale.language_code for page in behind} == {
        code for code in Locale.objects.values_list("language_code", flat=True) if code != "en"
    }
    assert all(page.translation_key == english.translation_key for page in behind)
    # Translating the new text into Spanish brings Spanish up to date.
    from cms.i18n.translations import translate_from_catalog
    from demo.loader import catalog

    spanish_strings = {**catalog("es"), english.intro: "Ayuda gratuita, ahora también por video."}
    translate_from_catalog(english, Locale.objects.get(language_code="es"), spanish_strings)
    codes = {page.locale.language_code for page in translations_behind(users["translator"])}
    assert "es" not in codes and "fr" in codes
    # An editor of English pages only is not shown other languages' pages.
    assert list(translations_behind(users["manager-midtown"])) == []


def test_dashboard_shows_the_panel(login, users, page_by_path):
    ConditionPage.objects.filter(slug="neck-spasms").update(last_reviewed=datetime.date(2020, 1, 1))
    html = login(users["editor"]).get("/admin/").content.decode()
    assert "Medical review overdue" in html
    assert "2020-01-01" in html
    assert "Translations behind their English source" not in html
    english = page_by_path("/")
    english.save_revision(user=users["admin"]).publish(user=users["admin"])
    html = login(users["translator"]).get("/admin/").content.decode()
    assert "Translations behind their English source" not in html  # nothing new to translate
    english.intro = "<p>Now open on Sundays.</p>"
    english.save_revision(user=users["admin"]).publish(user=users["admin"])
    html = login(users["translator"]).get("/admin/").content.decode()
    assert "Translations behind their English source" in html


def test_groups_and_workflow_come_from_the_migration():
    # The test database was built by migrate; load_demo_content added the tree parts.
    for name in [roles.MARKETING_EDITORS, roles.CLINICAL_REVIEWERS, roles.TRANSLATORS]:
        assert Group.objects.filter(name=name).exists(), name
    workflow = Workflow.objects.get(name=roles.CLINICAL_REVIEW)
    assert workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.CLINICAL_REVIEWERS]


def test_the_migration_creates_roles_on_an_empty_database():
    from importlib import import_module

    from django.apps import apps as global_apps

    migration = import_module("cms.migrations.0002_editorial_roles")
    Group.objects.filter(name__in=list(migration.GROUPS)).delete()
    Workflow.objects.filter(name=roles.CLINICAL_REVIEW).delete()
    migration.create_roles(global_apps, None)
    migration.create_roles(global_apps, None)  # and again: nothing doubles
    editors = Group.objects.get(name=roles.MARKETING_EDITORS)
    assert editors.permissions.filter(codename="change_sitesettings").exists()
    assert Workflow.objects.filter(name=roles.CLINICAL_REVIEW).count() == 1
    # The migration's frozen lists are within the current ones (apply_roles adds what
    # came later, e.g. the search app's lay terms).
    assert migration.GROUPS.keys() == roles.MODEL_PERMISSIONS.keys()
    for group, permissions in migration.GROUPS.items():
        assert set(permissions) <= set(roles.MODEL_PERMISSIONS[group]), group
    assert migration.COLLECTION == roles.COLLECTION_PERMISSIONS


def test_apply_roles_is_idempotent_and_runs_as_a_command():
    before = GroupPagePermission.objects.count(), WorkflowPage.objects.count()
    out = io.StringIO()
    call_command("apply_roles", stdout=out)
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == before
    assert "8 clinic(s)" in out.getvalue()
    assert "Location managers: Midtown Manhattan" in out.getvalue()


def test_demo_users_are_idempotent_and_their_passwords_pass_the_validators():
    first = ensure_demo_users()
    User = get_user_model()
    count = User.objects.count()
    assert ensure_demo_users() == first
    assert User.objects.count() == count
    usernames = [username for username, _password, _role in first]
    assert usernames[:6] == [
        "admin",
        "editor",
        "moderator",
        "translator",
        "translator-es",
        "translator-ar",
    ]
    assert "manager-midtown" in usernames and len(usernames) == 6 + 8
    for username, password, _role in first:
        user = User.objects.get(username=username)
        validate_password(password, user)
        assert user.check_password(password)
        assert user.is_superuser == (username == "admin")


def test_load_demo_content_prints_every_login_only_when_asked():
    User = get_user_model()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)  # DEBUG is off in tests
    assert not User.objects.filter(username="editor").exists()
    assert "clinic-demo" not in out.getvalue()
    call_command("load_demo_content", "--demo-users", stdout=out)
    printed = out.getvalue()
    assert "Demo admin login: admin / clinic-demo-admin" in printed
    for username, password, _role in ensure_demo_users():
        assert f"{username} / {password}" in printed
