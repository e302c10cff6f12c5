from pathlib import Path

from jj.core.generated_docs import REPO_ROOT, GeneratedFilesCommand
from jj.oversight.inventory import render


class Command(GeneratedFilesCommand):
    help = "Write docs/data-inventory.md from jj/oversight/inventory.py (--check: fail if the committed file is stale)."
    targets = {"path": REPO_ROOT / "docs" / "data-inventory.md"}

    def render_targets(self, paths: dict[str, Path]) -> dict[Path, str]:
        return {paths["path"]: render()}
