"""kg: clinical-trial papers into a knowledge graph with provenance.

Heavy modules (spaCy, pdfplumber, the store) are imported where they are used, so that
`kg query` or `kg --help` never pays for loading spaCy.
"""

__version__ = "0.1.0"
