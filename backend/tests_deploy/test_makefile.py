"""The Makefile's install traps (issue 15): `make help` lists every target, `make run HOST=0.0.0.0` answers a
browser on another machine, and the frontend is built again only when a source changed."""

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def make(*args: str, cwd: Path = REPO) -> str:
    result = subprocess.run(
        ["make", "--no-print-directory", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_help_lists_every_documented_target_including_e2e() -> None:
    text = (REPO / "Makefile").read_text()
    documented = {line.split(":", 1)[0] for line in text.splitlines() if ":" in line and "## " in line}
    documented = {t for t in documented if t and not t.startswith(("\t", "#", " ", "$"))}
    listed = {re.sub(r"\x1b\[[0-9;]*m", "", line).split()[0] for line in make("help").splitlines() if line.strip()}
    assert "e2e" in documented
    assert documented <= listed, documented - listed


def _run_command(*args: str) -> str:
    lines = [line for line in make("-n", "run", *args).splitlines() if "config.wsgi" in line]
    assert len(lines) == 1
    return lines[0]


def test_run_on_every_interface_accepts_the_host_another_machine_uses() -> None:
    assert "DJANGO_ALLOWED_HOSTS='*'" in _run_command("HOST=0.0.0.0")
    assert "DJANGO_ALLOWED_HOSTS='cases.lan,10.0.0.5'" in _run_command(
        "HOST=0.0.0.0", "RUN_ALLOWED_HOSTS=cases.lan,10.0.0.5"
    )
    # On one address, only that address and localhost, as before.
    assert "DJANGO_ALLOWED_HOSTS='127.0.0.1,localhost'" in _run_command()
    assert "DJANGO_ALLOWED_HOSTS='192.168.1.5,localhost'" in _run_command("HOST=192.168.1.5")


def _frontend_copy(tmp: Path) -> Path:
    """The Makefile beside a minimal frontend tree: sources, lock file, installed modules' stamp and a build."""
    shutil.copy(REPO / "Makefile", tmp / "Makefile")
    for name in ("index.html", "package-lock.json", "vite.config.ts", "tsconfig.json", "tsconfig.node.json"):
        (tmp / "frontend").mkdir(exist_ok=True)
        (tmp / "frontend" / name).write_text("x")
    (tmp / "frontend" / "src").mkdir()
    (tmp / "frontend" / "src" / "App.tsx").write_text("x")
    (tmp / ".stamps").mkdir()
    (tmp / ".stamps" / "npm").write_text("")
    (tmp / "frontend" / "dist").mkdir()
    built = tmp / "frontend" / "dist" / "index.html"
    built.write_text("built")
    past = time.time() - 3600
    for path in tmp.rglob("*"):
        if path.is_file() and path != built:
            os.utime(path, (past, past))
    return tmp


def test_an_unchanged_frontend_is_not_built_again(tmp_path: Path) -> None:
    root = _frontend_copy(tmp_path)
    assert "npm run build" not in make("-n", "frontend-build", cwd=root)


def test_a_changed_or_missing_build_is_built(tmp_path: Path) -> None:
    root = _frontend_copy(tmp_path)
    (root / "frontend" / "src" / "App.tsx").write_text("changed")
    assert "npm run build" in make("-n", "frontend-build", cwd=root)
    again = tmp_path / "again"
    again.mkdir()
    root = _frontend_copy(again)
    (root / "frontend" / "dist" / "index.html").unlink()
    assert "npm run build" in make("-n", "frontend-build", cwd=root)
