"""Issue 11: the part of the dependency audit that needs no network, in every CI build.

Neither vulnerability audit can run on the machines that build and test this project: pip-audit asks PyPI's
per-release JSON API or OSV, npm audit (and `npm audit signatures`) asks the npm registry's advisory endpoints and
Sigstore, and none of those answers from here (the registry mirror serves packages, not advisories: the advisory
endpoints answer 405). `make audit-deps` runs both where the internet is reachable (see docs/security.md).

What CI can check offline is that what gets installed is exactly what was locked, so that an audit of the lock is an
audit of the installation: every Python dependency pinned to one version (the production image installs base.txt,
the tests run on dev.txt: the same versions in both), every npm package locked with an integrity hash, and no
dependency fetched from a git repository, a URL or a local path, which no advisory database would cover."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "backend" / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)(\s*;.*)?$")
NOT_FROM_THE_REGISTRY = re.compile(r"^(git|git\+|github:|https?:|file:|link:|\.{0,2}/)")


def _pins(name: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in (REQUIREMENTS / name).read_text().splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"{name}: not pinned to one version: {raw!r}"
        pins[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return pins


def test_every_python_dependency_is_pinned_to_one_version() -> None:
    assert len(_pins("base.txt")) > 20
    assert len(_pins("dev.txt")) > len(_pins("base.txt"))


def test_the_image_installs_the_versions_the_tests_ran_on() -> None:
    base, dev = _pins("base.txt"), _pins("dev.txt")
    differ = {name: (version, dev.get(name)) for name, version in base.items() if dev.get(name) != version}
    assert not differ, f"base.txt and dev.txt pin different versions (base, dev): {differ}"


def test_every_npm_package_is_locked_with_an_integrity_hash() -> None:
    lock = json.loads((ROOT / "frontend" / "package-lock.json").read_text())
    assert lock["lockfileVersion"] >= 2
    packages = {path: entry for path, entry in lock["packages"].items() if path and not entry.get("link")}
    assert len(packages) > 100
    unhashed = sorted(path for path, entry in packages.items() if not entry.get("integrity", "").startswith("sha512-"))
    assert not unhashed, f"locked without a sha512 integrity hash: {unhashed[:10]}"
    elsewhere = sorted(
        path
        for path, entry in packages.items()
        if entry.get("resolved") and not entry["resolved"].startswith("https://registry.npmjs.org/")
    )
    assert not elsewhere, f"resolved from somewhere other than the npm registry: {elsewhere[:10]}"


def test_no_dependency_comes_from_a_repository_url_or_path() -> None:
    manifest = json.loads((ROOT / "frontend" / "package.json").read_text())
    specs = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    odd = {name: spec for name, spec in specs.items() if NOT_FROM_THE_REGISTRY.match(spec)}
    assert not odd, f"npm dependencies not from the registry: {odd}"
    for name in ("base.in", "dev.in"):
        for raw in (REQUIREMENTS / name).read_text().splitlines():
            line = raw.split("#", 1)[0].strip()
            assert not re.search(r"(://|^-e\b|^\.{0,2}/|@ )", line), f"{name}: not from the package index: {raw!r}"
