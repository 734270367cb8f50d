from tests.conftest import run_manage

PRODUCTION = {"DJANGO_SETTINGS_MODULE": "cms.settings.production"}


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env={**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    # A clear message, not a wall of unrelated errors.
    assert "ImproperlyConfigured" in result.stderr


def test_production_reads_its_configuration_from_the_environment():
    script = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.SECURE_PROXY_SSL_HEADER,"
        " s.SECURE_SSL_REDIRECT, s.CACHES['default']['BACKEND'], s.DATABASES['default']['ENGINE'],"
        " s.EMAIL_HOST)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env={
            **PRODUCTION,
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "clinic.example.org,www.clinic.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://clinic.example.org",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "DATABASE_URL": "postgres://u:p@db.internal:5432/cms",
            "EMAIL_HOST": "smtp.internal",
        },
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("False ['clinic.example.org', 'www.clinic.example.org']")
    assert "['https://clinic.example.org']" in out
    assert "('HTTP_X_FORWARDED_PROTO', 'https') True" in out
    assert "django.core.cache.backends.redis.RedisCache" in out
    assert "django.db.backends.postgresql" in out
    assert out.strip().endswith("smtp.internal")


def test_manage_py_defaults_to_development_settings():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)",
        env={"DJANGO_SETTINGS_MODULE": None, "DATABASE_URL": None},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "cms.settings.dev True"


def test_machine_translation_is_off_by_default_and_pluggable_by_environment():
    script = (
        "from django.conf import settings as s;"
        "print(getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    off = run_manage("shell", "--no-imports", "-c", script, env={"MACHINE_TRANSLATOR": None})
    assert off.stdout.strip().splitlines()[-1] == "None"
    deepl = run_manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        env={"MACHINE_TRANSLATOR": "deepl", "MACHINE_TRANSLATOR_KEY": "k:fx"},
    )
    assert deepl.stdout.strip().splitlines()[-1].endswith("DeepLTranslator")
