"""The evidence of a fact: its sentence with the quoted span highlighted, and where it comes from."""

from __future__ import annotations

import re

from textual import work
from textual.content import Content
from textual.widgets import Static

from tui.evidence import Evidence, sentence

HIGHLIGHT = "bold reverse"


class EvidenceView(Static):
    """Shows one Evidence: the sentence around it (fetched from the document text in a worker)."""

    DEFAULT_CSS = """
    EvidenceView {
        height: auto;
        min-height: 4;
        max-height: 12;
        border: round $secondary;
        border-title-color: $text-secondary;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.border_title = "evidence"
        self.evidence: Evidence | None = None
        self.sentence = ""  # the plain sentence shown
        self.highlighted = ""  # the part of it highlighted (the quoted span)

    def show(self, ev: Evidence | None, note: str = "") -> None:
        """Show an evidence span (None: a note or nothing)."""
        self.evidence = ev
        if ev is None:
            self.sentence = self.highlighted = ""
            self.update(Content(note))
            return
        text = self.app.cached_text(ev.doc)
        if text is not None:
            self._render_text(ev, text)
        else:
            self.update(Content.assemble((ev.exact, HIGHLIGHT), "\n", (ev.where, "dim")))
            self._fetch(ev)

    @work(thread=True, exclusive=True, group="evidence-text", exit_on_error=False)
    def _fetch(self, ev: Evidence) -> None:
        text = self.app.document_text(ev.doc)
        self.app.call_from_thread(self._arrived, ev, text)

    def _arrived(self, ev: Evidence, text: str | None) -> None:
        if ev == self.evidence:
            self._render_text(ev, text)

    def _render_text(self, ev: Evidence, text: str | None) -> None:
        if text is None:
            self.sentence, self.highlighted = ev.exact, ev.exact
            self.update(Content.assemble((ev.exact, HIGHLIGHT), "\n", (ev.where + " · document text missing", "dim")))
            return
        sent, a, b = sentence(text, ev.start, ev.end)
        self.sentence, self.highlighted = sent, sent[a:b]
        tidy = lambda s: re.sub(r"[ \t]*\n\s*", " ", s).replace("\t", " │ ")  # noqa: E731
        self.update(Content.assemble("“", tidy(sent[:a]), (tidy(sent[a:b]), HIGHLIGHT), tidy(sent[b:]), "”\n",
                                     (ev.where, "dim")))
