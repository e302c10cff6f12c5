"""The settings refuse to start production without a real secret key (make run once passed an empty one)."""

import os
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]


AUDIT_KEY = "an-audit-chain-key-of-enough-length-0123456789"


def run_settings(secret: str | None, audit_key: str | None = AUDIT_KEY) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE", "JJ_AUDIT_HMAC_KEY")
    }
    if secret is not None:
        env["DJANGO_SECRET_KEY"] = secret
    if audit_key is not None:
        env["JJ_AUDIT_HMAC_KEY"] = audit_key
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup(); print('ok')"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BACKEND, env=env, capture_output=True, text=True, check=False
    )


def test_missing_empty_or_short_secret_key_refuses_to_start() -> None:
    for secret in (None, "", "too-short"):
        result = run_settings(secret)
        assert result.returncode != 0
        assert "DJANGO_SECRET_KEY" in result.stderr
    assert run_settings("x" * 50).stdout.strip() == "ok"


def test_missing_or_short_audit_chain_key_refuses_to_start() -> None:
    """Issue 11: the audit chain's HMAC key comes from the environment; production has no default."""
    for key in (None, "", "too-short"):
        result = run_settings("x" * 50, audit_key=key)
        assert result.returncode != 0
        assert "JJ_AUDIT_HMAC_KEY" in result.stderr


def _env_example() -> dict[str, str]:
    example = BACKEND.parent / "docker" / ".env.example"
    pairs = (line.split("=", 1) for line in example.read_text().splitlines() if line and not line.startswith("#"))
    return dict(pairs)


def run_settings_with(extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    keys = ("JJ_PSEUDONYM_KEY", "JJ_RECORDS_MASTER_KEY", "JJ_RECORDS_MASTER_KEYS_PREVIOUS", "DATABASE_URL")
    env = {k: v for k, v in os.environ.items() if k not in (*keys, "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update({"DJANGO_SECRET_KEY": "x" * 50, "JJ_AUDIT_HMAC_KEY": AUDIT_KEY, **extra})
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup(); print('ok')"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BACKEND, env=env, capture_output=True, text=True, check=False
    )


SECRETS = ("DJANGO_SECRET_KEY", "JJ_PSEUDONYM_KEY", "JJ_AUDIT_HMAC_KEY", "JJ_RECORDS_MASTER_KEY")


def test_every_placeholder_secret_of_the_env_example_refuses_to_start() -> None:
    """Issue 15: the example's placeholders are long enough for the length checks; they are refused by name."""
    example = _env_example()
    for name in SECRETS:
        assert "change-me" in example[name]
        result = run_settings_with({name: example[name]})
        assert result.returncode != 0, name
        assert f"{name} still holds the placeholder" in result.stderr
    database = f"postgres://jj_app:{example['JJ_APP_DB_PASSWORD']}@db:5432/jj"
    result = run_settings_with({"DATABASE_URL": database})
    assert result.returncode != 0
    assert "DATABASE_URL still holds the placeholder" in result.stderr


def test_real_random_secrets_start() -> None:
    values = {name: f"{name.lower()}-a-real-random-value-0123456789abcdef" for name in SECRETS}
    result = run_settings_with(values)
    assert result.stdout.strip() == "ok", result.stderr
