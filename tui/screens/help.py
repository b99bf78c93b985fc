"""Help (F1): the keys of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# kg — keys

**Everywhere**: `F1` this help · `F2` Explorer · `F3` Ask · `F4` SPARQL · `F6` Neighbourhood ·
`ctrl+p` command palette (screens, and *open …* any trial or concept by name) · `ctrl+q` quit.

**Explorer**: `/` filter (enter jumps to the first match) · `enter` open the entity ·
`n` its neighbourhood · `c` on a trial marks it, `c` on another compares the two side by side ·
`r` reload the store · `escape` clear the filter.

**Entity**: arrows move over links; `enter` expands a fact into its evidence spans (on a span:
opens the document) · `o` open the document text at the span · `l` follow the fact's link (trial, drug, term…) ·
`n` neighbourhood · `y` copy the evidence quote · `escape` back. Each group shows a page of facts;
`enter` on *more…* reads the next. The panel at the bottom shows the sentence around the
span, the span highlighted, with document, section, offsets, extractor and kg version.

**Document**: the stored text with the span selected · `h` back to the span · `/` find
(`enter` next match) · `n` next match · `escape` back.

**Ask**: type a question in plain words, e.g. *what are the adverse events of ATO?*, *which drugs
act on Treg*, *trials in lupus*, *at what dose was IL-2 given*, *what does arsenic trioxide target*,
*compare the trials of arsenic trioxide*, *compare LUPSENIC with TRANSREG* (side by side).
Names are found through every label, synonym and abbreviation; a typo is corrected (and said
so) or answered with *did you mean …?*. Events and findings stated as absent are marked
*not observed* and listed last. `→` accepts the grey completion; `tab` to the list of
suggestions. `enter` asks. The SPARQL it ran is shown and editable: `F5` (or `ctrl+enter`) runs
it again; `ctrl+e` edits it in the SPARQL screen. The answers get the focus: `enter` opens the
entity behind an answer, `y` copies a cell, `o` opens the document at its evidence, `ctrl+l`
goes back to the question; `escape` cancels a query. Answers come a page at a time: when the
status line says *more…*, `m` adds the next page below.

**SPARQL**: `F5` / `ctrl+enter` run · `escape` cancel · `ctrl+space` completions (they also open
on `kg:`, `?`, `PREFIX`); `tab` takes one, `↑`/`↓` choose, `→` takes the grey suggestion ·
`ctrl+up` / `ctrl+down` history (the query you were writing comes back past the newest) ·
`ctrl+r` search the history · `F7` the sidebar of classes and properties with their counts
(`enter` inserts one; hidden at first below 100 columns) · `ctrl+o` open / `F8` save a query file ·
`ctrl+s` export the last
result (CSV, JSON, Turtle) · while a query runs its time and rows so far are shown, and `escape`
stops it at once (it runs in its own process) · in the results `enter` opens the entity of a cell,
`y` copies it · in the results, `s` sorts by the cursor's column (again: reverse), or click
a header. The prefixes kg, kgc, kgd, oa, prov, skos, rdf, rdfs, owl, xsd, dcterms, schema, obo, sh
are predeclared.

**Neighbourhood**: type a concept and `enter` to centre on it; its neighbours, with how they are
linked; `space` expands a neighbour level by level · `enter` (or `c`) re-centres on it ·
`e` opens it as an entity · `ctrl+l` back to the concept box.
*From* / *to* + `enter`: the shortest paths between two concepts (edges from mechanisms, AEs,
trials, and concepts co-mentioned in one evidence span).
"""


class HelpScreen(ModalScreen[None]):
    """Every screen's keys."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]  # escape / F1 / q: close the help
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 110; height: 90%; border: round $accent;
                                  background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)
