"""Enrolment codes: what a staff member needs, beside their password, to set up the
authenticator app of two-factor sign-in. A leaked password alone then opens nothing:
whoever signs in first with it still cannot enrol an app of their own.

An administrator (a superuser, or anyone who may change user accounts) issues a code
for an account from the admin (Settings → Users → More → Two-factor enrolment code), or
an operator runs `manage.py issue_enrolment_code USERNAME` (the first administrator of a
new site). A code is twelve random letters and digits (60 bits), works once, for
TWO_FACTOR_ENROLMENT_CODE_HOURS, and is stored only as a keyed hash; issuing a new one
cancels the account's unused ones. Enrolling with a code replaces any earlier app (a
new phone)."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
LENGTH = 12
HASH_SALT = "cms.security.enrolment.code"


class EnrolmentCode(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "cms"
        verbose_name = "two-factor enrolment code"

    def __str__(self):
        return f"Enrolment code {self.pk} for user {self.user_id}"


def _digest(typed):
    """The stored form of a code as typed (case, spaces and dashes do not matter)."""
    canonical = "".join(ch for ch in typed.upper() if ch.isascii() and ch.isalnum())
    return salted_hmac(HASH_SALT, canonical, algorithm="sha256").hexdigest()


def issue(user, issued_by=None, hours=None):
    """A new code for `user`, returned once as text (XXXX-XXXX-XXXX) with its record;
    the account's earlier unused codes stop working."""
    if hours is None:
        hours = settings.TWO_FACTOR_ENROLMENT_CODE_HOURS
    EnrolmentCode.objects.filter(user=user, used_at__isnull=True).delete()
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    record = EnrolmentCode.objects.create(
        user=user,
        code_hash=_digest(code),
        issued_by=issued_by,
        expires_at=timezone.now() + timedelta(hours=hours),
    )
    return "-".join(code[i : i + 4] for i in range(0, LENGTH, 4)), record


WRONG, USED, EXPIRED = "wrong", "used", "expired"


def check(user, typed):
    """(the code's record, None) when `typed` is a live code of `user`, else
    (None, WRONG | USED | EXPIRED)."""
    record = EnrolmentCode.objects.filter(user=user, code_hash=_digest(typed)).first()
    if record is None:
        return None, WRONG
    if record.used_at is not None:
        return None, USED
    if record.expires_at <= timezone.now():
        return None, EXPIRED
    return record, None


def live(user, pk):
    """The code `pk` of `user` if it may still be spent."""
    return EnrolmentCode.objects.filter(
        pk=pk, user=user, used_at__isnull=True, expires_at__gt=timezone.now()
    ).first()


def spend(record):
    """Mark the code used; False when it was spent or expired meanwhile (one wins)."""
    now = timezone.now()
    updated = EnrolmentCode.objects.filter(
        pk=record.pk, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    return updated == 1


def may_issue(issuer, account):
    """Administrators issue codes: whoever may change user accounts, and for a
    superuser's account only a superuser."""
    user_model = get_user_model()
    permission = f"{user_model._meta.app_label}.change_{user_model._meta.model_name}"
    if not issuer.is_active or not issuer.has_perm(permission):
        return False
    return issuer.is_superuser or not account.is_superuser
