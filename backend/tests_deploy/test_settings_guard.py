"""The settings refuse to start production without a real secret key (make run once passed an empty one)."""

import os
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]


def run_settings(secret: str | None) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG", "DJANGO_SETTINGS_MODULE")
    }
    if secret is not None:
        env["DJANGO_SECRET_KEY"] = secret
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
