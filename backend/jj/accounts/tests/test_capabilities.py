"""The one capability table (issue 15): its shape, the helpers every permission and service check reads, the row
served by /api/auth/me/, the generated docs/roles-and-permissions.md, and that no role check grows back outside it."""

import ast
import json
import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient, APIRequestFactory

from conftest import ALL_ROLES, World
from jj.accounts.capabilities import (
    CAPABILITIES,
    DEADLINE_ACTIONS,
    DEADLINES_WITHOUT_A_FORM,
    DOC_END,
    DOC_START,
    TABLE,
    Scope,
    can,
    capabilities_of,
    render_into,
    render_json,
    render_table,
    require,
    roles_for,
    scope_of,
)
from jj.accounts.models import Role, User
from jj.core.exceptions import ActionNotAllowed
from jj.core.permissions import HasCapability

REPO = Path(__file__).resolve().parents[4]
CUSTODY_FACILITY_ACTIONS = (
    "custody.family_notification",
    "custody.contact",
    "custody.health_examination",
    "custody.incident",
    "custody.complaint",
    "custody.complaint_response",
    "custody.implicated_staff",
    "custody.individual_plan",
    "custody.education",
    "custody.aftercare_plan",
)


def test_every_row_names_known_roles_and_scopes_and_actions_are_unique() -> None:
    assert len(TABLE) == len(CAPABILITIES)
    for capability in CAPABILITIES:
        assert capability.roles, capability.action
        assert set(capability.roles) <= set(Role.values), capability.action
        assert all(isinstance(scope, Scope) for scope in capability.roles.values())
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", capability.action)


def test_the_table_cannot_be_changed_at_run_time() -> None:
    with pytest.raises(TypeError):
        TABLE["custody.start"].roles[Role.FACILITY_OFFICER] = Scope.FACILITY  # type: ignore[index]


# The roles each check allowed before the table existed: the table must reproduce them exactly.
BEFORE = {
    "jurisdiction.create": {"administrator"},
    "statistics.dataset": {"oversight_monitor"},
    "custody.start": {"caseworker", "supervisor"},
    "custody.transfer": {"caseworker", "supervisor"},
    "custody.detention_order": {"caseworker", "supervisor", "court_officer"},
    "custody.appearance": {"caseworker", "supervisor", "court_officer"},
    "custody.legality_decision": {"caseworker", "supervisor", "court_officer"},
    "custody.legality_challenge": {"caseworker", "supervisor", "court_officer", "legal_counsel"},
    "custody.release": {"caseworker", "supervisor", "court_officer", "facility_officer"},
    **{a: {"caseworker", "supervisor", "facility_officer"} for a in CUSTODY_FACILITY_ACTIONS},
    "case.record": {"caseworker", "supervisor"},
    "case.supervise": {"supervisor"},
    "case.court_decision": {"caseworker", "supervisor", "court_officer"},
    "case.break_glass": {"caseworker", "supervisor"},
    "case.staff_list": {"supervisor"},
    "child.register": {"caseworker", "supervisor"},
    "child.import": {"caseworker", "supervisor"},
    "child.guardians": {"caseworker", "supervisor", "legal_counsel", "facility_officer"},
    "child.access_log": {"supervisor"},
    "protection_referral.read": {"caseworker", "supervisor"},
    "protection_referral.follow_up": {"caseworker", "supervisor"},
    "records.preview": {"supervisor"},
    "records.sealed_read": {"caseworker", "supervisor"},
    "records.sealed_read_approve": {"supervisor"},
    "records.removal_review": {"court_officer"},  # REC-3: the independent review before removal (new with its act)
    "export.csv": {"caseworker", "supervisor", "legal_counsel", "court_officer", "facility_officer"},
    "export.xlsx": {"caseworker", "supervisor", "court_officer"},
    "diversion.record": {"caseworker", "supervisor"},
    "diversion.programmes": {"supervisor", "administrator"},
    "approval.read": {"caseworker", "supervisor"},
    "approval.decide": {"supervisor"},
    "facility.manage": {"administrator"},
    "inspection.read": {"oversight_monitor", "supervisor", "administrator"},
    "inspection.record": {"oversight_monitor"},
    "audit.read": {"oversight_monitor"},
    "oversight.decisions": {"oversight_monitor"},
    "statistics.read": {"oversight_monitor", "administrator"},
    "population.manage": {"administrator"},
    "policy.decisions": {"administrator", "supervisor", "oversight_monitor"},
    "policy.change": {"administrator"},
    "users.manage": {"administrator"},
    "account.password": set(ALL_ROLES),
    "account.security_keys": set(ALL_ROLES),
    "child.merge": {"supervisor"},
    "child.subject_access": {"supervisor"},
    "record_contest.open": {"caseworker", "supervisor", "legal_counsel"},
    "record_contest.decide": {"supervisor"},
    "document.attach": {"caseworker", "supervisor", "legal_counsel", "court_officer", "facility_officer"},
    "document.delete": {"supervisor"},
    "hearing.schedule": {"caseworker", "supervisor", "legal_counsel"},
    "custody.open_investigation": {"supervisor"},
    "simulation.run": {"oversight_monitor", "administrator"},
    "case.read": {"caseworker", "supervisor", "legal_counsel", "court_officer", "facility_officer"},
}


@pytest.mark.parametrize("action", sorted(BEFORE))
def test_the_table_reproduces_the_roles_each_check_allowed_before(action: str) -> None:
    assert roles_for(action) == BEFORE[action]


def test_every_action_is_pinned() -> None:
    assert set(TABLE) == set(BEFORE)


def test_case_scopes_follow_the_access_rules() -> None:
    assert scope_of("caseworker", "case.read") == Scope.ASSIGNED
    assert scope_of("supervisor", "case.read") == Scope.AGENCY
    assert scope_of("facility_officer", "case.read") == Scope.FACILITY
    assert scope_of("oversight_monitor", "case.read") is None
    assert scope_of(None, "case.read") is None


def test_roles_for_unions_actions_and_an_unknown_action_is_an_error() -> None:
    assert roles_for("custody.start", "custody.appearance") == {"caseworker", "supervisor", "court_officer"}
    with pytest.raises(KeyError):
        roles_for("custody.fly")
    with pytest.raises(KeyError):
        HasCapability.of("custody.fly")


@pytest.mark.django_db
def test_can_and_require_at_the_boundary() -> None:
    officer = User(username="o", role=Role.FACILITY_OFFICER)
    court = User(username="c", role=Role.COURT_OFFICER)
    assert can(officer, "custody.complaint")
    assert not can(officer, "custody.appearance")
    assert can(court, "custody.appearance")
    assert not can(court, "custody.complaint")
    assert not can(AnonymousUser(), "custody.complaint")  # type: ignore[arg-type]
    assert not can(User(username="x", role="nobody"), "custody.complaint")
    require(officer, "custody.complaint", "unused")
    with pytest.raises(ActionNotAllowed, match=r"Your role cannot record a court appearance\."):
        require(officer, "custody.appearance", "Your role cannot record a court appearance.")


@pytest.mark.django_db
def test_has_capability_permission_reads_the_table() -> None:
    permission = HasCapability.of("audit.read")()
    request = APIRequestFactory().get("/")
    for role in ALL_ROLES:
        request.user = User(username=role, role=role)
        assert permission.has_permission(request, None) is (role == "oversight_monitor")  # type: ignore[arg-type]
    request.user = AnonymousUser()
    assert permission.has_permission(request, None) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_capabilities_of_a_role_is_its_row(role: str) -> None:
    row = capabilities_of(role)
    assert row == {
        c.action: str(c.roles[role]) for c in CAPABILITIES if role in c.roles and c.roles[role] != Scope.PLATFORM
    }
    assert capabilities_of(None) == {}
    assert capabilities_of("nobody") == {}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_me_serves_the_callers_row(role: str, client_for: Callable[[str], APIClient]) -> None:
    me = client_for(role).get("/api/auth/me/").json()
    assert me["capabilities"] == capabilities_of(role)


def test_a_facility_officer_is_served_the_facility_forms_and_not_the_courts(
    world: World, client_for: Callable[[str], APIClient]
) -> None:
    capabilities = client_for("facility_officer").get("/api/auth/me/").json()["capabilities"]
    assert {a: capabilities.get(a) for a in CUSTODY_FACILITY_ACTIONS} == dict.fromkeys(
        CUSTODY_FACILITY_ACTIONS, "facility"
    )
    for denied in ("custody.appearance", "custody.detention_order", "custody.start", "custody.transfer"):
        assert denied not in capabilities


def test_only_the_platform_operators_account_takes_platform_actions(
    world: World, client_for: Callable[[str], APIClient]
) -> None:
    """jurisdiction.create is the administrator role's only in the table; an ordinary administrator (of one
    jurisdiction) is neither served it nor allowed it; the operator's account (is_superuser) is."""
    admin = User(username="a", role="administrator")
    operator = User(username="o", role="administrator", is_superuser=True)
    superuser_monitor = User(username="m", role="oversight_monitor", is_superuser=True)
    assert not can(admin, "jurisdiction.create")
    assert can(operator, "jurisdiction.create")
    assert not can(superuser_monitor, "jurisdiction.create")
    assert "jurisdiction.create" not in capabilities_of("administrator")
    assert capabilities_of("administrator", platform_operator=True)["jurisdiction.create"] == "platform"
    assert "jurisdiction.create" not in client_for("administrator").get("/api/auth/me/").json()["capabilities"]


def test_docs_roles_and_permissions_is_generated_from_the_table() -> None:
    page = (REPO / "docs" / "roles-and-permissions.md").read_text()
    assert render_table() in page
    assert render_into(page) == page, "docs/roles-and-permissions.md is stale: run `make docs` and commit it"


def test_render_into_needs_both_markers() -> None:
    with pytest.raises(ValueError, match="no generated"):
        render_into("# page\n")
    with pytest.raises(ValueError, match="no end"):
        render_into(f"# page\n{DOC_START}\n")
    assert render_into(f"a\n{DOC_START}\nold\n{DOC_END}\nb\n") == f"a\n{render_table()}\nb\n"


def test_capabilities_catalogue_command_writes_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "roles.md"
    target.write_text(f"# Roles\n\n{DOC_START}\nstale\n{DOC_END}\n\nprose kept\n")
    paths = ("--path", str(target), "--json", str(tmp_path / "capabilities.json"))
    with pytest.raises(CommandError, match="stale"):
        call_command("capabilities_catalogue", "--check", *paths)
    call_command("capabilities_catalogue", *paths, stdout=StringIO())
    assert json.loads((tmp_path / "capabilities.json").read_text())["roles"]["facility_officer"]["custody.contact"]
    text = target.read_text()
    assert "stale" not in text
    assert text.endswith("prose kept\n")
    assert "`custody.complaint`" in text
    out = StringIO()
    call_command("capabilities_catalogue", "--check", *paths, stdout=out)
    assert "up to date" in out.getvalue()


# Comparisons of a user's role with a role name decide scope (which records), never whether a role may act: those
# live in the table. The files below hold the scope logic that remains, each comparison counted, so that a new
# permission check written as a role comparison fails here and goes into the table instead.
ROLE_COMPARISON = re.compile(r"\.role\s*(==|!=|not in|in)\s|\brole\s*(==|!=)\s*Role\.")
SCOPE_LOGIC = {
    "jj/cases/access.py": 7,  # which cases each role reaches (assigned, agency, facility; a supervisor writes)
    "jj/cases/counsel.py": 2,  # the supervisor of the case's agency; the assignment is counsel's
    "jj/cases/services.py": 2,  # a caseworker is assigned to the case they open; assignee's role must match
    "jj/compliance/apis.py": 2,  # approvals: a supervisor's agency, a caseworker's own
    "jj/people/access.py": 4,  # children: registered by, agency of; guardians and contests of reachable children
    "jj/deadlines/selectors.py": 1,  # a supervisor's deadlines are the agency's (the index on agency_id)
    "jj/hearings/services.py": 1,  # "held" is a court appearance: its recorders; otherwise the schedulers
    "jj/custody/records.py": 1,  # a sealed read needs an agency too
    "jj/custody/access.py": 0,
    "jj/audit/selectors.py": 2,  # the monitor's jurisdiction
    "jj/accounts/mfa.py": 1,  # who must use a second factor: not an action
    "jj/accounts/services.py": 1,  # an administrator may not change their own role
    "jj/accounts/selectors.py": 1,  # an administrator's jurisdiction
    "jj/oversight/access.py": 2,  # the readers' jurisdiction
    "jj/oversight/services.py": 1,  # exports: the readers
    "jj/diversion/services.py": 1,  # the shared `_require` over the table's roles
}


def test_no_role_check_outside_the_table_and_the_scope_logic() -> None:
    root = REPO / "backend"
    found: dict[str, int] = {}
    for path in sorted((root / "jj").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if "/tests/" in rel or "/migrations/" in rel or "/management/" in rel or rel.startswith("jj/rules/"):
            continue
        count = len(ROLE_COMPARISON.findall(path.read_text()))
        if count:
            found[rel] = count
    assert found == {k: v for k, v in SCOPE_LOGIC.items() if v}


def test_the_frontend_copy_of_the_table_is_current() -> None:
    committed = REPO / "frontend" / "src" / "capabilities.generated.json"
    assert committed.read_text() == render_json(), "capabilities.generated.json is stale: run `make docs`"


def _deadline_kinds_in_the_rules() -> set[str]:
    kinds: set[str] = set()
    for path in (REPO / "backend" / "jj").rglob("*.py"):
        if "/tests/" in path.as_posix():
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "DeadlineSpec":
                first = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "kind")
                assert isinstance(first, ast.Constant), f"{path}: a deadline kind must be a literal"
                kinds.add(str(first.value))
    return kinds | {"family_notification"}  # opened by deadlines.services for the `family` notification target


def test_every_deadline_kind_is_met_by_an_action_its_responsible_role_may_take() -> None:
    kinds = _deadline_kinds_in_the_rules()
    assert kinds == set(DEADLINE_ACTIONS) | set(DEADLINES_WITHOUT_A_FORM)
    assert not set(DEADLINE_ACTIONS) & set(DEADLINES_WITHOUT_A_FORM)
    for kind, (action, role) in DEADLINE_ACTIONS.items():
        assert scope_of(role, action) is not None, f"{kind}: {role} may not {action}"
