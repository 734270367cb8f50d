"""Two-factor sign-in for the Wagtail admin, on django-otp's TOTP devices (any
authenticator app). wagtail-2fa does not run on Wagtail 8, so this is the small
part of it the site needs: set up an app once, with an enrolment code from an
administrator (cms/security/enrolment.py), then confirm each sign-in. Pages and
documents restricted to signed-in staff ask for the same second step."""

import base64
import io
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from wagtail.admin.auth import require_admin_access
from wagtail.models import BaseViewRestriction

from cms.security import enrolment

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


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Enrolment code from your administrator"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}
        ),
    )

    REFUSALS = {
        enrolment.WRONG: _(
            "That enrolment code is not right. Check it, or ask an administrator for a new one."
        ),
        enrolment.USED: _(
            "That enrolment code has already been used. Ask an administrator for a new one."
        ),
        enrolment.EXPIRED: _(
            "That enrolment code has expired. Ask an administrator for a new one."
        ),
    }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.record = None  # the accepted code, once valid

    def clean_code(self):
        self.record, refusal = enrolment.check(self.user, self.cleaned_data["code"])
        if refusal is not None:
            raise forms.ValidationError(self.REFUSALS[refusal])
        return self.cleaned_data["code"]


ENROLMENT_SESSION_KEY = "two_factor_enrolment_code"


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
# or "no permission" for accounts that may not use the admin), which also renders in
# the user's admin language.
@never_cache
@require_admin_access
def setup(request):
    """Register an authenticator app: first an enrolment code from an administrator,
    then its QR code and one code from the app. A new app replaces an earlier one."""
    code = None
    if ENROLMENT_SESSION_KEY in request.session:
        code = enrolment.live(request.user, request.session[ENROLMENT_SESSION_KEY])
        if code is None:
            del request.session[ENROLMENT_SESSION_KEY]
    if code is None:
        return _enter_enrolment_code(request)

    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if not enrolment.spend(code):  # spent or expired since it was entered
                del request.session[ENROLMENT_SESSION_KEY]
                return _redirect_keeping_next(SETUP_URL_NAME, request)
            TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        del request.session[ENROLMENT_SESSION_KEY]
        otp_login(request, device)
        return redirect(_next_url(request))
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return render(
        request,
        "two_factor/setup.html",
        {"form": form, "qr_code": _qr_code(device), "secret": secret, "next": _next_url(request)},
    )


def _enter_enrolment_code(request):
    form = EnrolmentCodeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        request.session[ENROLMENT_SESSION_KEY] = form.record.pk
        return _redirect_keeping_next(SETUP_URL_NAME, request)
    return render(request, "two_factor/enrol.html", {"form": form, "next": _next_url(request)})


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
    setup_url = reverse(SETUP_URL_NAME) + "?" + urlencode({"next": _next_url(request)}, safe="/")
    return render(
        request,
        "two_factor/verify.html",
        {"form": form, "next": _next_url(request), "setup_url": setup_url},
    )


def second_step(request):
    """Send a user signed in with a password only to enter a code from their app, or to
    set one up (then back to where they were going)."""
    name = VERIFY_URL_NAME if user_has_device(request.user, confirmed=True) else SETUP_URL_NAME
    response = redirect_to_login(request.get_full_path(), login_url=reverse(name))
    add_never_cache_headers(response)
    return response


STAFF_RESTRICTIONS = (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)


def second_step_for_restricted(request, view_restrictions):
    """For a page's or a document collection's view restrictions (Wagtail hooks
    `before_serve_page`, `before_serve_document`; `view_restrictions()` gives them, read
    only for a signed-in user without the second step): that step when they keep the
    content for signed-in users (or some groups), this user passes them and has given
    only a password. None otherwise: anonymous visitors, and users the restrictions
    refuse anyway, get Wagtail's own answer (sign in, or the password form)."""
    if not settings.TWO_FACTOR_REQUIRED:
        return None
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    restrictions = list(view_restrictions())
    if not any(r.restriction_type in STAFF_RESTRICTIONS for r in restrictions):
        return None
    if not all(r.accept_request(request) for r in restrictions):
        return None
    return second_step(request)


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
