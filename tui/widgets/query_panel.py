"""A status line and a results table; queries run in a child process that cancel kills."""

from __future__ import annotations

import time

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from kg.errors import QueryError
from tui.export import QueryResult
from tui.query_process import Progress
from tui.runner import describe, execute
from tui.widgets.results import MAX_SHOWN, ResultsTable

SAY_TIME_FROM = 2.0  # seconds: a finished query's time is shown from this long on


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
        self._started = 0.0
        self._rows_so_far = 0
        self._ticker = None
        self.more = False  # the last paged query had more answers than its page showed

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

    def run(self, sparql: str, distinct_on: str | None = None, page: tuple[str, int] | None = None,
            append: bool = False) -> Worker:
        """Start a query (a running one is cancelled: its process is killed). With `distinct_on`,
        only the first row of each value of that column is kept (one answer per fact). With
        `page` (column, n), only the rows of the first n values of the column are shown and
        `more` says whether the query found further ones; `append` adds the rows to those shown
        (the next page)."""
        if self.running:
            self.cancel(quiet=True)
        self._started, self._rows_so_far = time.monotonic(), 0
        self.more = False
        self._tick()
        if self._ticker is None:
            self._ticker = self.set_interval(0.25, self._tick)
        else:
            self._ticker.resume()
        self._worker = self._run(sparql, distinct_on, page, append)
        return self._worker

    def _tick(self) -> None:
        """While a query runs: elapsed time and rows so far."""
        if self._started and (self._worker is None or self.running):
            rows = f" · {self._rows_so_far:,} rows" if self._rows_so_far else ""
            self.set_status(Text(f"running… {time.monotonic() - self._started:.1f} s{rows}  (escape cancels)",
                                 style="italic"))
        elif self._ticker is not None:
            self._ticker.pause()

    def _progress(self, progress: Progress) -> None:
        self._rows_so_far = progress.rows

    def cancel(self, quiet: bool = False) -> bool:
        """Cancel the running query: its process is killed now. False if none runs."""
        if not self.running or self._worker is None:
            return False
        took = self._elapsed()
        self._worker.cancel()
        self.app.cancel_queries()
        self._started = 0.0
        if not quiet:
            self.set_status(Text(f"cancelled after {took:.1f} s", style="yellow"))
        return True

    def _elapsed(self) -> float:
        return time.monotonic() - self._started if self._started else 0.0

    @work(thread=True, exclusive=True, exit_on_error=False, group="query")
    def _run(self, sparql: str, distinct_on: str | None, page: tuple[str, int] | None, append: bool) -> None:
        """Run in a worker thread, which waits on the query process (killed on cancel)."""
        worker = get_current_worker()
        more = False
        try:
            result = execute(self.app.query_process(), sparql, self._progress)
            if result is not None and page:
                result, more = result.first_values(*page)
            if result is not None and append and self.result is not None and self.result.vars == result.vars:
                result = QueryResult("SELECT", result.vars, self.result.rows + result.rows)
            if result is not None and distinct_on:
                result = result.first_per(distinct_on)
            error = None
        except QueryError as e:
            result, error = None, e
        except Exception as e:  # noqa: BLE001 - the store could not be opened, etc.: shown, not raised
            result, error = None, QueryError(str(e) or type(e).__name__, query=sparql)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._finished, sparql, result, error, more)

    def _finished(self, sparql: str, result: QueryResult | None, error: QueryError | None,
                  more: bool = False) -> None:
        took = self._elapsed()
        self._started = 0.0
        if result is None and error is None:  # cancelled
            self.post_message(self.Done(sparql, None, None))
            return
        self.result, self.error = (result, None) if result is not None else (self.result, error)
        if error is not None:
            msg = Text(f"✗ {error}", style="bold red")
            caret = error.caret()
            if caret:
                msg.append("\n" + caret, style="red")
            self.set_status(msg)
        elif result is not None:
            self.more = more
            self.table.show(result)
            shown = "" if len(result.rows) <= MAX_SHOWN else f", first {MAX_SHOWN:,} shown"
            # the time of a slow query is worth saying; a quick one's would only flicker between runs
            took_text = f" in {took:.1f} s" if took >= SAY_TIME_FROM else ""
            status = Text(f"✓ {describe(result)}{shown}{took_text}", style="green")
            if more:
                status.append("  ·  more… (m shows the next answers)", style="bold")
            self.set_status(status)
        self.post_message(self.Done(sparql, result, error))
