"""Input suggesters over the graph's labels (read from the app when asked, so they follow loading)."""

from __future__ import annotations

from textual.suggester import Suggester

from tui import ask


class LabelSuggester(Suggester):
    """Completes a concept name from the labels of the graph (concepts the facts use first)."""

    def __init__(self, labels) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._labels = labels  # a callable returning the current label list

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        low = value.casefold()
        for label in self._labels():
            if label.casefold().startswith(low) and len(label) > len(value):
                return value + label[len(value):]
        return None


class QuestionSuggester(Suggester):
    """Completes a question: a template's wording, then its X or Y from the labels."""

    def __init__(self, labels) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._labels = labels

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        for full in ask.complete(value, self._labels(), limit=1):
            if full.casefold().startswith(value.casefold()) and len(full) > len(value):
                return value + full[len(value):]
        return None
