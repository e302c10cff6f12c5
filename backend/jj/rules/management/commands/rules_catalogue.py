from pathlib import Path

from jj.core.generated_docs import REPO_ROOT, GeneratedFilesCommand
from jj.rules.catalogue import render


class Command(GeneratedFilesCommand):
    help = "Write docs/rules.md from the rules registry (--check: fail if the committed file is stale)."
    targets = {"path": REPO_ROOT / "docs" / "rules.md"}

    def render_targets(self, paths: dict[str, Path]) -> dict[Path, str]:
        return {paths["path"]: render()}
