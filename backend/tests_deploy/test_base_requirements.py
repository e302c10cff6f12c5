"""The production image installs only requirements/base.txt (issue 11: settings imported django_stubs_ext, which
only the dev requirements had, so the image could not start).

A fresh interpreter loads what a production process loads (the settings, django.setup(), every URL and API, the
WSGI and Celery apps, gunicorn's config, every management command) while an import hook hides every installed
distribution that base.txt does not pin, as if it were not installed: an optional import (try/except ImportError)
falls back as it would in the image, an unconditional one fails this test. Offline and in seconds, unlike
building a virtual environment from base.txt."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
BASE_TXT = BACKEND / "requirements" / "base.txt"

PROBE = r"""
import importlib.abc, importlib.metadata, json, os, re, sys

pinned = set(json.loads(os.environ["JJ_PINNED"]))
normal = lambda name: re.sub(r"[-_.]+", "-", name).lower()
hidden = {
    top
    for top, dists in importlib.metadata.packages_distributions().items()
    if top not in sys.stdlib_module_names and not any(normal(d) in pinned for d in dists)
}
hidden -= {"config", "jj"}
blocked = set()

class HideUnpinned(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in hidden:
            blocked.add(name.split(".")[0])
            raise ModuleNotFoundError(f"No module named {name!r} (not in requirements/base.txt)", name=name)
        return None

for name in [m for m in sys.modules if m.split(".")[0] in hidden]:
    del sys.modules[name]
sys.meta_path.insert(0, HideUnpinned())

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
import django
django.setup()
import config.urls, config.wsgi, config.celery, config.gunicorn_embedded  # noqa
from django.urls import get_resolver
get_resolver().url_patterns
from django.core.management import get_commands, load_command_class
for name, app in get_commands().items():
    load_command_class(app, name)
print(json.dumps({"ok": True, "optional_imports_hidden": sorted(blocked)}))
"""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_production_starts_with_only_base_txt_installed() -> None:
    pinned = sorted({_normal(line.split("==")[0]) for line in BASE_TXT.read_text().splitlines() if "==" in line})
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG")}
    env.update(
        JJ_PINNED=json.dumps(pinned),
        DJANGO_SECRET_KEY="x" * 50,
        JJ_AUDIT_HMAC_KEY="y" * 50,
        DATABASE_URL="",
        CELERY_BROKER_URL="",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=BACKEND, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, f"production cannot start from requirements/base.txt alone:\n{result.stderr}"
    assert json.loads(result.stdout.strip().splitlines()[-1])["ok"]
