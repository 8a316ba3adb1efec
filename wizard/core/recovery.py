"""Autosaved recovery copies of projects with unsaved changes.

One JSON file per project id in the user's state folder (the id comes from a file, so
its file name goes through `safe_file_name`: no id can write outside the folder). A clean save or a
deliberate discard removes it; whatever is left at start-up came from a crash.
"""

from __future__ import annotations

import json
from pathlib import Path

from .codec import Problem
from .model import Project
from .projectio import ProjectUnreadable, atomic_write_text, parse_project, project_to_text, utc_now_iso
from .records import record
from .safenames import safe_file_name


@record
class RecoveryEntry:
    project_id: str
    source_path: str  # "" for a project never saved
    saved_at: str
    file: Path


class RecoveryStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def _file(self, project_id: str) -> Path:
        return self.folder / f"{safe_file_name(project_id, 'project')}.recovery.json"

    def write(self, project: Project, source_path: Path | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        wrapper = {
            "recovery_of": str(source_path) if source_path else "",
            "saved_at": utc_now_iso(),
            "project": json.loads(project_to_text(project)),
        }
        atomic_write_text(self._file(project.project_id), json.dumps(wrapper, ensure_ascii=False, indent=1), keep_backup=False)

    def discard(self, project_id: str) -> None:
        self._file(project_id).unlink(missing_ok=True)

    def entries(self) -> list[RecoveryEntry]:
        out: list[RecoveryEntry] = []
        if not self.folder.is_dir():
            return out
        for file in sorted(self.folder.glob("*.recovery.json")):
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
                project_id = str(data.get("project", {}).get("project_id", "")) or file.name.split(".")[0]
                out.append(RecoveryEntry(project_id, str(data.get("recovery_of", "")), str(data.get("saved_at", "")), file))
            except (OSError, ValueError, AttributeError):
                continue  # a damaged recovery copy is not worth bothering the user with
        return out

    def restore(self, entry: RecoveryEntry) -> tuple[Project, list[Problem]]:
        data = json.loads(entry.file.read_text(encoding="utf-8"))
        try:
            loaded = parse_project(json.dumps(data["project"]), entry.file)
        except (KeyError, TypeError) as exc:
            raise ProjectUnreadable(entry.file, "not-project", "The recovery copy is damaged.") from exc
        return loaded.project, loaded.problems
