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
