"""Per-patient tables: each row a participant with dose group, baseline and follow-up values.

(Not written yet: the end-to-end issue extracts the thin layer; participants come with the
extraction-in-depth issue.)
"""

from kg.extract.base import Context, Fact


def extract(ctx: Context) -> list[Fact]:
    return []
