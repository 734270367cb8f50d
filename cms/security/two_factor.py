"""Two-factor sign-in for the Wagtail admin, on django-otp's TOTP devices (any
authenticator app). wagtail-2fa does not run on Wagtail 8, so this is the small
part of it the site needs: set up an app once, then confirm each sign-in."""

import base64
import io
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.admin.auth import require_admin_access

SETUP_URL_NAME = "two_factor_setup"
VERIFY_URL_NAME = "two_factor_verify"


class TokenForm(forms.Form):
    token = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        label=_("Six-digit code from your authenticator app"),
        error_messages={"invalid": _("Enter the six digits your app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = list(devices)
        self.device = None  # the device whose code matched, once valid

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        # Each device checks a code once (replays are refused) and throttles failures.
        self.device = next((d for d in self.devices if d.verify_token(token)), None)
        if self.device is None:
            raise forms.ValidationError(
                _("That code is not right or has expired. Try the code now shown in your app.")
            )
        return token


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return reverse("wagtailadmin_home")
    return target


def _redirect_keeping_next(url_name, request):
    return redirect(reverse(url_name) + "?" + urlencode({"next": _next_url(request)}, safe="/"))


def _qr_code(device):
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    encoded = base64.b64encode(out.getvalue()).decode("ascii")
    return mark_safe(f"data:image/svg+xml;base64,{encoded}")  # noqa: S308 - base64 only


# Mounted outside the admin's URLs: the admin's own access check (sign-in redirect,
# or "no permission" for accounts that may not use the admin).
@never_cache
@require_admin_access
def setup(request):
    """Register an authenticator app: show its QR code, then confirm one code."""
    if user_has_device(request.user, confirmed=True):
        return _redirect_keeping_next(VERIFY_URL_NAME, request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return render(
        request,
        "two_factor/setup.html",
        {"form": form, "qr_code": _qr_code(device), "secret": secret, "next": _next_url(request)},
    )


@never_cache
@require_admin_access
def verify(request):
    """Confirm this sign-in with a code from the registered app."""
    devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    if not devices.exists():
        return _redirect_keeping_next(SETUP_URL_NAME, request)
    form = TokenForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    return render(request, "two_factor/verify.html", {"form": form, "next": _next_url(request)})


def required_for(request):
    """Whether this admin request must wait for a second factor."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    user = request.user
    if not user.is_authenticated or not request.path_info.startswith("/admin/"):
        return False
    if request.path_info.startswith(TWO_FACTOR_EXEMPT_PREFIXES):
        return False
    return not user.is_verified()


TWO_FACTOR_EXEMPT_PREFIXES = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/2fa/",
    "/admin/jsi18n/",
    "/admin/sprite-",
)
