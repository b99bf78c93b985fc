"""Import spaCy without its command-line interface.

`spacy/__init__.py` imports `spacy.cli` (only to offer `spacy.info`), and with it requests,
httpx, typer, rich, jinja2 and weasel: ~35 MB resident in every process that imports spaCy —
the ingesting process, the workers' fork server and each worker (bench/memory.py) — for code
kg never runs. While spaCy's package is first imported, `spacy.cli` and `spacy.cli.info` are
stand-ins (`spacy.info` still works: it imports the real one when called); afterwards they
are gone from `sys.modules`, so `import spacy.cli` loads the real interface as usual.

Imported before any `spacy` import in kg (kg.nlp, kg.extract); importing it does nothing once
spaCy is loaded.
"""

from __future__ import annotations

import sys
import types

_STANDINS = ("spacy.cli", "spacy.cli.info")


def info(*args, **kwargs):
    """spaCy's `spacy.info`, from the real command-line module (imported now)."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def _import_spacy() -> None:
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `from .cli.info import ...` resolves
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info
    cli.info = cli_info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": cli_info})
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that needs more of its CLI: import it whole
        spacy = None
    finally:
        for name in _STANDINS:
            sys.modules.pop(name, None)
    if spacy is None:
        import spacy  # noqa: F811 - the ordinary import, CLI and all
    elif getattr(spacy, "cli", None) is cli:
        del spacy.cli  # `spacy.cli` is imported for real when asked for


_import_spacy()
