"""One exception tree: every error kg reports carries a one-line message for stderr."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to a user; `str(e)` is one line."""

    title = "kg error"


class ReaderError(KgError):
    """A source file could not be read: empty, binary, corrupt, malformed."""

    title = "cannot read"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class QueryError(KgError):
    """A SPARQL query could not be parsed or run; carries line and column when known."""

    title = "query error"

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 query: str | None = None) -> None:
        self.line, self.column, self.query = line, column, query
        where = f" at line {line}, column {column}" if line is not None else ""
        super().__init__(f"{message}{where}")

    def caret(self) -> str:
        """The offending query line with a caret under the column, for a terminal."""
        if self.query is None or self.line is None:
            return ""
        lines = self.query.splitlines() or [""]
        text = lines[min(self.line, len(lines)) - 1]
        return f"{text}\n{' ' * max((self.column or 1) - 1, 0)}^"


class StoreError(KgError):
    """The graph store could not be opened or written."""

    title = "store error"
