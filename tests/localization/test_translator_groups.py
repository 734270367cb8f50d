"""One translators' group per language, holding that language's pages only; emails
about outdated translations respect Wagtail's notification preferences."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile

from cms.editorial import roles
from localization.models import OutdatedTranslation
from localization.outdated import notify_translators

pytestmark = pytest.mark.django_db


def test_every_language_has_a_group_with_its_own_pages_only(users):
    summary = roles.apply_roles()
    assert roles.apply_roles() == summary  # idempotent
    others = Locale.objects.exclude(pk=Locale.get_default().pk)
    assert len(summary["translator groups"]) == others.count() == 11
    for locale in others:
        group = Group.objects.get(name=roles.translators_group_name(locale))
        pages = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
        assert pages == {Page.objects.get(depth=2, locale=locale).pk}, locale
        assert group.permissions.filter(codename="submit_translation").exists()
    shared = Group.objects.get(name=roles.TRANSLATORS)
    assert not GroupPagePermission.objects.filter(group=shared).exists()
    assert "Translators: Spanish" in summary["translator groups"]


def test_a_spanish_translator_edits_spanish_pages_only(users, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    for code, page in [(p.locale.language_code, p) for p in neck.get_translations()]:
        perms = page.permissions_for_user(users["translator-es"])
        assert perms.can_edit() == (code == "es"), code
        assert not perms.can_publish(), code  # condition pages: clinical review
        assert page.permissions_for_user(users["translator-ar"]).can_edit() == (code == "ar")
    spanish_clinic = page_by_path("/locations/midtown/").get_translation(
        Locale.objects.get(language_code="es")
    )
    assert spanish_clinic.permissions_for_user(users["translator-es"]).can_publish()
    assert not neck.permissions_for_user(users["translator-es"]).can_edit()


def test_outdated_emails_respect_the_notification_preference(users, page_by_path):
    spanish = page_by_path("/conditions/neck-spasms/").get_translation(
        Locale.objects.get(language_code="es")
    )
    row = OutdatedTranslation.objects.create(page=spanish, since=timezone.now())
    profile = UserProfile.get_for_user(users["translator-es"])
    profile.submitted_notifications = False
    profile.save()
    notify_translators([row.pk])
    recipients = {address for message in mail.outbox for address in message.to}
    assert "translator-es@example.com" not in recipients
    assert "translator@example.com" in recipients  # every language's translator
    assert "translator-ar@example.com" not in recipients
