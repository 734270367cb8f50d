"""Security headers the site sends on every response."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware

from cms.security import two_factor

# The Wagtail admin (and page previews rendered inside it) still relies on a few
# inline scripts and styles; staff sessions get this wider policy, patients never do.
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],  # the editor's live preview frames the page
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def is_admin_request(request):
    """The Wagtail admin, and the page previews it renders: Wagtail serves a preview
    through the whole middleware chain again on a dummy request for the page's public
    URL, which it marks `is_preview` (Page.make_preview_request)."""
    return request.path_info.startswith(ADMIN_PREFIXES) or getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the strict site policy everywhere except the Wagtail admin
    (previews included, so the editor's preview panel may frame them)."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # Django's XFrameOptionsMiddleware (further in) said DENY to the dummy request.
        if getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_request(request):
            return PolicyParts(
                parts.config, parts.update, {**ADMIN_POLICY, **(parts.replace or {})}
            )
        return parts


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy (Django has no setting for it): geolocation only for
    this site's own "Use my location" button, every other powerful feature off."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}={allowlist}" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class AdminTwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (request.user.is_verified()) plus enforcement in the
    admin: an editor who has signed in but not yet given a code is sent to set up an
    authenticator app or to enter one. Public pages are never affected."""

    # The site runs under WSGI; keep this middleware synchronous.
    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        if two_factor.required_for(request):
            has_device = user_has_device(request.user, confirmed=True)
            name = two_factor.VERIFY_URL_NAME if has_device else two_factor.SETUP_URL_NAME
            return redirect_to_login(request.get_full_path(), login_url=reverse(name))
        return self.get_response(request)
