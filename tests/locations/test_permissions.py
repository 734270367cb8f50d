"""Only a clinic's own staff (view permission + edit rights on the clinic page) and
administrators see its appointment requests, in lists and one by one."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupPagePermission

from locations.appointments.permissions import requests_visible_to
from locations.models import AppointmentRequest

pytestmark = pytest.mark.django_db


def make_request(location, name):
    return AppointmentRequest.objects.create(
        location=location,
        clinic_name=location.title,
        name=name,
        phone="+19175550142",
        contact_method="phone",
        patient_status="new",
        consent_at=timezone.now(),
    )


@pytest.fixture
def requests_at(page_by_path):
    midtown = page_by_path("/locations/midtown/")
    astoria = page_by_path("/locations/astoria/")
    return make_request(midtown, "Midtown Patient"), make_request(astoria, "Astoria Patient")


def staff_user(django_user_model, username, page=None, view_perm=True):
    user = django_user_model.objects.create_user(username, password="pw")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if view_perm:
        for action in ["view", "change", "delete"]:
            group.permissions.add(Permission.objects.get(codename=f"{action}_appointmentrequest"))
    if page is not None:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename="change_page")
        )
    user.groups.add(group)
    return user


def test_superuser_sees_every_request(admin_user, requests_at):
    assert set(requests_visible_to(admin_user)) == set(requests_at)


def test_clinic_staff_see_only_their_clinic(django_user_model, requests_at):
    midtown_request, astoria_request = requests_at
    manager = staff_user(django_user_model, "midtown-manager", midtown_request.location)
    assert list(requests_visible_to(manager)) == [midtown_request]


def test_page_editors_without_the_view_permission_see_nothing(django_user_model, requests_at):
    editor = staff_user(
        django_user_model, "marketing", requests_at[0].location.get_parent(), view_perm=False
    )
    assert not requests_visible_to(editor).exists()


def test_view_permission_without_a_clinic_sees_nothing(django_user_model, requests_at):
    assert not requests_visible_to(staff_user(django_user_model, "nobody")).exists()


def test_anonymous_and_inactive_users_see_nothing(django_user_model, requests_at):
    from django.contrib.auth.models import AnonymousUser

    assert not requests_visible_to(AnonymousUser()).exists()
    user = staff_user(django_user_model, "gone", requests_at[0].location)
    user.is_active = False
    user.save()
    assert not requests_visible_to(user).exists()


def test_admin_listing_and_inspect_follow_the_rule(client, django_user_model, requests_at):
    midtown_request, astoria_request = requests_at
    manager = staff_user(django_user_model, "midtown-manager", midtown_request.location)
    client.force_login(manager)
    listing = client.get("/admin/appointment_requests/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"/admin/appointment_requests/inspect/{midtown_request.pk}/" in html or (
        f"/admin/appointment_requests/edit/{midtown_request.pk}/" in html
    )
    assert f"/{astoria_request.pk}/" not in html
    own = client.get(f"/admin/appointment_requests/inspect/{midtown_request.pk}/")
    assert own.status_code == 200 and "Midtown Patient" in own.content.decode()
    for url in ["inspect", "edit", "delete"]:
        other = client.get(f"/admin/appointment_requests/{url}/{astoria_request.pk}/")
        assert other.status_code == 404, url
    own_edit = client.get(f"/admin/appointment_requests/edit/{midtown_request.pk}/")
    assert own_edit.status_code == 200


def test_superuser_admin_sees_all(admin_client, requests_at):
    html = admin_client.get("/admin/appointment_requests/").content.decode()
    for appointment_request in requests_at:
        assert f"/{appointment_request.pk}/" in html
    inspect = admin_client.get(f"/admin/appointment_requests/inspect/{requests_at[1].pk}/")
    assert "Astoria Patient" in inspect.content.decode()


def test_admin_cannot_create_requests(admin_client, admin_user):
    from locations.appointments.admin import AppointmentRequestPermissionPolicy

    response = admin_client.get("/admin/appointment_requests/new/")
    assert response.status_code == 302  # permission denied: back to the dashboard
    policy = AppointmentRequestPermissionPolicy(AppointmentRequest)
    assert not policy.user_has_permission(admin_user, "add")
    assert policy.user_has_permission(admin_user, "view")


def test_anonymous_is_sent_to_login(client, requests_at):
    response = client.get(f"/admin/appointment_requests/inspect/{requests_at[0].pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
