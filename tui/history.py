"""SPARQL history kept across sessions, in a JSON file.

Location: $KG_HISTORY if set, else $XDG_STATE_HOME/kg/history.json, else
~/.local/state/kg/history.json. A file that cannot be read starts an empty history; one
that cannot be written is reported once and then ignored, never an error.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

LIMIT = 500


def history_path() -> Path:
    """Where the history lives (see the module docstring)."""
    if os.environ.get("KG_HISTORY"):
        return Path(os.environ["KG_HISTORY"])
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "kg" / "history.json"


class History:
    """Queries run, oldest first, with a cursor for stepping back and forth."""

    def __init__(self, path: Path | None = None, limit: int = LIMIT) -> None:
        self.path = path or history_path()
        self.limit = limit
        self.entries: list[str] = self._load()
        self.cursor = len(self.entries)

    def _load(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        items = data.get("queries", []) if isinstance(data, dict) else data
        return [q for q in items if isinstance(q, str)][-self.limit:]

    def add(self, query: str) -> bool:
        """Record a query (not twice in a row) and save; False if the file could not be written."""
        query = query.strip()
        if not query:
            return True
        if not self.entries or self.entries[-1] != query:
            self.entries.append(query)
            del self.entries[:-self.limit]
        self.cursor = len(self.entries)
        return self.save()

    def save(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps({"version": 1, "queries": self.entries}, ensure_ascii=False, indent=1),
                           encoding="utf-8")
            tmp.replace(self.path)
            return True
        except OSError:
            return False

    def previous(self) -> str | None:
        """The query before the cursor, or None at the oldest."""
        if self.cursor == 0 or not self.entries:
            return None
        self.cursor -= 1
        return self.entries[self.cursor]

    def next(self) -> str | None:
        """The query after the cursor; None past the newest (an empty editor)."""
        if self.cursor >= len(self.entries):
            return None
        self.cursor += 1
        return self.entries[self.cursor] if self.cursor < len(self.entries) else None
