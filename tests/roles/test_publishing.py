"""Scheduled publishing through `manage.py publish_scheduled`, and the audit log."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def later(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def run_publish_scheduled_at(moment):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled", verbosity=0)


def test_a_holiday_notice_goes_live_and_expires_on_schedule(page_by_path, users):
    manager = users["manager-midtown"]
    midtown = page_by_path("/locations/midtown/")
    original_intro = midtown.intro

    # A manager schedules a closure notice: live from tomorrow, gone the day after.
    midtown.intro = "Closed on Thursday for the holiday."
    midtown.go_live_at = later(24)
    revision = midtown.save_revision(user=manager)
    revision.publish(user=manager)
    midtown = LocationPage.objects.get(pk=midtown.pk)
    assert midtown.intro == original_intro  # not yet
    assert midtown.scheduled_revision is not None
    assert PageLogEntry.objects.filter(
        page=midtown, action="wagtail.publish.schedule", user=manager
    ).exists()

    run_publish_scheduled_at(later(1))
    assert LocationPage.objects.get(pk=midtown.pk).intro == original_intro

    run_publish_scheduled_at(later(25))
    midtown = LocationPage.objects.get(pk=midtown.pk)
    assert midtown.intro == "Closed on Thursday for the holiday."
    assert midtown.live
    assert PageLogEntry.objects.filter(page=midtown, action="wagtail.publish.scheduled").exists()


def test_an_expiry_date_unpublishes_the_page(page_by_path, users):
    page = page_by_path("/language-assistance/")
    page.expire_at = later(2)
    page.save_revision(user=users["editor"]).publish(user=users["editor"])
    run_publish_scheduled_at(later(1))
    assert type(page).objects.get(pk=page.pk).live
    run_publish_scheduled_at(later(3))
    page = type(page).objects.get(pk=page.pk)
    assert not page.live and page.expired
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()


def test_publishing_is_logged_with_the_user(page_by_path, users):
    page = page_by_path("/locations/astoria/")
    page.intro = "New hours from Monday."
    page.save_revision(user=users["editor"]).publish(user=users["editor"])
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest("timestamp")
    assert entry.user == users["editor"]
    assert "editor" in entry.user_display_name
