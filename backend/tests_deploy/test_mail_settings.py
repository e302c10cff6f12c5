"""Mail settings come from the environment (the production checklist's "mail" item names them)."""

import json
import os
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
PROBE = (
    "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; django.setup(); "
    "from django.conf import settings as s; "
    "print(json.dumps([s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]))"
)
MAIL = ("EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "EMAIL_USE_SSL")


def _settings(**mail: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (*MAIL, "DEFAULT_FROM_EMAIL", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SECRET_KEY="x" * 50, JJ_AUDIT_HMAC_KEY="an-audit-chain-key-of-enough-length-0123456789", **mail)
    command = [sys.executable, "-c", PROBE]
    return subprocess.run(command, cwd=BACKEND, env=env, capture_output=True, text=True, check=False)


def test_mail_defaults_to_the_local_relay_and_is_set_from_the_environment() -> None:
    assert json.loads(_settings().stdout) == ["localhost", 25, "", False, "webmaster@localhost"]
    configured = _settings(
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="jj",
        EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="jj@example.org",
    )
    assert json.loads(configured.stdout) == ["smtp.example.org", 587, "jj", True, "jj@example.org"]


def test_tls_and_ssl_together_refuse_to_start() -> None:
    both = _settings(EMAIL_USE_TLS="true", EMAIL_USE_SSL="true")
    assert both.returncode != 0
    assert "EMAIL_USE_TLS" in both.stderr
