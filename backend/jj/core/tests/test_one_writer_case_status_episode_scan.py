"""Issue #10, "done when": nothing outside the lifecycle modules writes Case.status or a custody episode's kind,
legal status or end. A scan of the source (AST, not a grep of strings) finds every attribute assignment, queryset
update, bulk update and setattr that could, and the test proves the scan catches each form it looks for."""

import ast
import re
from pathlib import Path

import pytest

JJ = Path(__file__).resolve().parents[2]
LIFECYCLE = {JJ / "cases" / "lifecycle.py", JJ / "custody" / "lifecycle.py"}
GUARDED = {"Case": {"status"}, "CustodyEpisode": {"kind", "legal_status", "ended_at"}}
# Variables named like these hold the model whatever their origin (a parameter, a loop, a lookup).
NAMES = {"Case": re.compile(r"^(\w+_)?case$"), "CustodyEpisode": re.compile(r"^(\w+_)?episode$")}
MANAGER = {"Case": re.compile(r"\bCase\.objects\b"), "CustodyEpisode": re.compile(r"\bCustodyEpisode\.objects\b")}


def _model_of_source(text: str) -> str | None:
    for model, pattern in MANAGER.items():
        if pattern.search(text):
            return model
    return None


def _annotation_model(annotation: ast.expr | None) -> str | None:
    text = ast.unparse(annotation) if annotation is not None else ""
    return next((m for m in GUARDED if re.search(rf"\b{m}\b", text)), None)


class _Scan(ast.NodeVisitor):
    def __init__(self, source: str) -> None:
        self.source = source
        self.typed: list[dict[str, str]] = [{}]
        self.found: list[tuple[int, str]] = []

    def _model_of_name(self, name: str) -> str | None:
        for scope in reversed(self.typed):
            if name in scope:
                return scope[name]
        return next((m for m, pattern in NAMES.items() if pattern.match(name)), None)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        scope = {}
        for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
            if model := _annotation_model(arg.annotation):
                scope[arg.arg] = model
        self.typed.append(scope)
        self.generic_visit(node)
        self.typed.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def _targets(self, targets: list[ast.expr], value: ast.expr | None, line: int) -> None:
        for target in targets:
            model = _model_of_source(ast.unparse(value)) if value is not None else None
            if isinstance(target, ast.Name) and model:
                self.typed[-1][target.id] = model
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                held = self._model_of_name(target.value.id)
                if held and target.attr in GUARDED[held]:
                    self.found.append((line, f"{target.value.id}.{target.attr} = ..."))

    def visit_Assign(self, node: ast.Assign) -> None:
        self._targets(node.targets, node.value, node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if isinstance(node.target, ast.Name) and (model := _annotation_model(node.annotation)):
            self.typed[-1][node.target.id] = model
        self._targets([node.target], node.value, node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._targets([node.target], None, node.lineno)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("update", "bulk_update", "update_or_create"):
            receiver = func.value
            model = _model_of_source(ast.unparse(receiver))
            if model:
                written = {k.arg for k in node.keywords if k.arg} | {
                    str(f.value) for a in node.args[1:] for f in ast.walk(a) if isinstance(f, ast.Constant)
                }
                written |= {
                    str(f.value)
                    for k in node.keywords
                    if k.arg in ("fields", "defaults")
                    for f in ast.walk(k.value)
                    if isinstance(f, ast.Constant)
                }
                if written & GUARDED[model]:
                    self.found.append((node.lineno, f"{model}.{func.attr}({', '.join(sorted(written))})"))
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) >= 2:
            obj, attr = node.args[0], node.args[1]
            if isinstance(obj, ast.Name) and isinstance(attr, ast.Constant):
                model = self._model_of_name(obj.id)
                if model and attr.value in GUARDED[model]:
                    self.found.append((node.lineno, f"setattr({obj.id}, {attr.value!r}, ...)"))
        self.generic_visit(node)


def scan(source: str) -> list[tuple[int, str]]:
    visitor = _Scan(source)
    visitor.visit(ast.parse(source))
    return visitor.found


def production_files() -> list[Path]:
    return [
        p
        for p in sorted(JJ.rglob("*.py"))
        if "tests" not in p.parts and "migrations" not in p.parts and p not in LIFECYCLE
    ]


def test_no_status_kind_or_end_written_outside_the_lifecycle_modules() -> None:
    files = production_files()
    assert len(files) > 50  # the scan reads the real tree
    found = [f"{p.relative_to(JJ)}:{line}: {what}" for p in files for line, what in scan(p.read_text())]
    assert found == [], "Write these through cases.lifecycle / custody.lifecycle:\n" + "\n".join(found)


def test_the_lifecycle_modules_are_where_the_writes_are() -> None:
    """The scan is not blind: it sees the writes the lifecycle modules make."""
    assert scan((JJ / "cases" / "lifecycle.py").read_text())
    assert {what for _, what in scan((JJ / "custody" / "lifecycle.py").read_text())} >= {
        "episode.kind = ...",
        "episode.ended_at = ...",
        "episode.legal_status = ...",
    }


@pytest.mark.parametrize(
    "snippet",
    [
        "def f(case):\n    case.status = 'closed'\n",
        "def f(c: Case):\n    c.status = 'closed'\n",
        "def f(pk):\n    locked = Case.objects.select_for_update().get(pk=pk)\n    locked.status = 'closed'\n",
        "Case.objects.filter(pk=1).update(status='closed')\n",
        "Case.objects.bulk_update(rows, ['status'])\n",
        "Case.objects.update_or_create(pk=1, defaults={'status': 'closed'})\n",
        "def f(episode):\n    episode.ended_at = now\n",
        "def f(e: CustodyEpisode):\n    e.kind = 'pretrial_detention'\n",
        "def f(pk):\n    locked = CustodyEpisode.objects.get(pk=pk)\n    locked.legal_status = 'sentenced'\n",
        "CustodyEpisode.objects.filter(case_id=1).update(ended_at=now)\n",
        "def f(case):\n    setattr(case, 'status', 'closed')\n",
    ],
)
def test_the_scan_catches_each_form(snippet: str) -> None:
    assert scan(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        "def f(referral):\n    referral.status = 'active'\n",  # a diversion referral has its own status
        "def f(pk):\n    locked = ApprovalRequest.objects.get(pk=pk)\n    locked.status = 'approved'\n",
        "CustodyEpisode.objects.filter(pk=1).update(evidence_frozen=True)\n",
        "Case.objects.filter(pk=1).update(summary='x')\n",
        "def f(assignment):\n    assignment.ended_at = now\n",
        "values.update(status='x')\n",
    ],
)
def test_the_scan_leaves_other_fields_and_models_alone(snippet: str) -> None:
    assert scan(snippet) == [], snippet
