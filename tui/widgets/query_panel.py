"""A status line and a results table, running queries in a cancellable worker thread."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from kg.errors import QueryError
from tui.export import QueryResult
from tui.runner import describe, execute
from tui.widgets.results import MAX_SHOWN, ResultsTable


class QueryPanel(Vertical):
    """Runs SPARQL off the UI thread; shows running / rows / error with line and column."""

    DEFAULT_CSS = """
    QueryPanel { height: 1fr; }
    QueryPanel #status { height: auto; max-height: 4; padding: 0 1; background: $boost; }
    QueryPanel ResultsTable { height: 1fr; }
    """

    class Done(Message):
        """A query finished: a result, an error, or neither (cancelled)."""

        def __init__(self, sparql: str, result: QueryResult | None, error: QueryError | None) -> None:
            super().__init__()
            self.sparql, self.result, self.error = sparql, result, error

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.result: QueryResult | None = None
        self.error: QueryError | None = None
        self._worker: Worker | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="status")
        yield ResultsTable()

    @property
    def table(self) -> ResultsTable:
        return self.query_one(ResultsTable)

    @property
    def status(self) -> str:
        """The status line as plain text."""
        return str(self.query_one("#status", Static).render())

    def set_status(self, text: str | Text) -> None:
        self.query_one("#status", Static).update(text)

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.state in (WorkerState.PENDING, WorkerState.RUNNING)

    def run(self, sparql: str) -> Worker:
        """Start a query (a running one is cancelled)."""
        self.set_status(Text("running…  (escape cancels)", style="italic"))
        self._worker = self._run(sparql)
        return self._worker

    def cancel(self) -> bool:
        """Cancel the running query; False if none runs."""
        if not self.running or self._worker is None:
            return False
        self._worker.cancel()
        self.set_status(Text("cancelled", style="yellow"))
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="query")
    def _run(self, sparql: str) -> None:
        """Run in a worker thread: rows are read one by one, stopping when cancelled."""
        worker = get_current_worker()
        try:
            result = execute(self.app.get_store(), sparql, lambda: worker.is_cancelled)
            error = None
        except QueryError as e:
            result, error = None, e
        except Exception as e:  # noqa: BLE001 - the store could not be opened, etc.: shown, not raised
            result, error = None, QueryError(str(e) or type(e).__name__, query=sparql)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._finished, sparql, result, error)

    def _finished(self, sparql: str, result: QueryResult | None, error: QueryError | None) -> None:
        self.result, self.error = (result, None) if result is not None else (self.result, error)
        if error is not None:
            msg = Text(f"✗ {error}", style="bold red")
            caret = error.caret()
            if caret:
                msg.append("\n" + caret, style="red")
            self.set_status(msg)
        elif result is not None:
            self.table.show(result)
            shown = "" if len(result.rows) <= MAX_SHOWN else f", first {MAX_SHOWN:,} shown"
            self.set_status(Text(f"✓ {describe(result)}{shown}", style="green"))
        self.post_message(self.Done(sparql, result, error))
