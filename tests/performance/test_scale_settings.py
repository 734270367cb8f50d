"""Scale-out settings from the environment: S3-compatible media (django-storages) and
a CDN purged through wagtail.contrib.frontend_cache's backends, each only when configured."""

import json

from tests.servers import run_manage

PROBE = (
    "import json; from django.conf import settings as s; "
    "from django.core.files.storage import storages; "
    "print(json.dumps({'storage': type(storages['default']).__name__, "
    "'serve_media': s.SERVE_MEDIA, 'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
    "'frontend_cache': bool(getattr(s, 'WAGTAILFRONTENDCACHE', None)), "
    "'backends': getattr(s, 'WAGTAILFRONTENDCACHE', {})}))"
)


def probe(**env):
    base = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "AWS_STORAGE_BUCKET_NAME": None,
        "FRONTEND_CACHE_BACKEND": None,
        "SERVE_MEDIA": None,
    }
    result = run_manage("shell", "--no-imports", "-c", PROBE, env={**base, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_local_media_and_no_cdn_by_default():
    found = probe()
    assert found["storage"] == "FileSystemStorage"
    assert found["serve_media"] is True
    assert found["frontend_cache"] is False


def test_a_bucket_moves_media_to_s3_and_the_app_stops_serving_it():
    found = probe(
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://minio.example.org",
        AWS_S3_REGION_NAME="us-east-1",
    )
    assert found["storage"] == "S3Storage"
    assert found["serve_media"] is False
    assert "https://minio.example.org" in found["img_src"]


def test_a_cdn_backend_configures_a_wagtail_frontend_cache_backend():
    found = probe(FRONTEND_CACHE_BACKEND="http-purge", FRONTEND_CACHE_LOCATION="http://cache:6081")
    assert found["frontend_cache"] is True
    assert found["backends"]["default"]["BACKEND"].endswith("HTTPBackend")
    found = probe(
        FRONTEND_CACHE_BACKEND="cloudflare",
        FRONTEND_CACHE_CLOUDFLARE_TOKEN="token",
        FRONTEND_CACHE_CLOUDFLARE_ZONE_ID="zone",
    )
    assert found["backends"]["default"]["ZONEID"] == "zone"
