from pathlib import Path

from jj.accounts.capabilities import render_into, render_json
from jj.core.generated_docs import REPO_ROOT, GeneratedFilesCommand


class Command(GeneratedFilesCommand):
    help = (
        "Write the capability table into docs/roles-and-permissions.md and frontend/src/capabilities.generated.json "
        "(--check: fail if either is stale)."
    )
    targets = {
        "path": REPO_ROOT / "docs" / "roles-and-permissions.md",
        "json": REPO_ROOT / "frontend" / "src" / "capabilities.generated.json",
    }

    def render_targets(self, paths: dict[str, Path]) -> dict[Path, str]:
        # The table sits between markers in a hand-written page: the page's own text is kept.
        return {paths["path"]: render_into(paths["path"].read_text()), paths["json"]: render_json()}
