"""Screens of the terminal UI: explorer, entity, document, ask, SPARQL, neighbourhood, help."""
