"""The sample's articles the browser tests read, one per type and story kind."""

from __future__ import annotations

from helpers import ROOT, TODAY
from site_builder.content import load_bulletin


def _examples() -> dict[str, str]:
    """One URL per article type and story kind, chosen from the sample by what
    it contains (a news story with 引题, 副题 and cover; a case with metrics…)."""
    bulletin = load_bulletin(ROOT / "content", today=TODAY)
    stories = bulletin.of_type("story")
    notes = bulletin.of_type("minhu")
    return {
        "news": next(s for s in stories if s.kind == "news" and s.kicker and s.subtitle and s.cover).url,
        "photo": next(s for s in stories if s.kind == "photo").url,
        "commentary": next(s for s in stories if s.kind == "commentary").url,
        "case": next(c for c in bulletin.of_type("case") if len(c.metrics) >= 3 and c.period).url,
        "minhu": next(n for n in notes if n.status == "resolved" and n.handled_by and n.channel).url,
        "minhu-open": next(n for n in notes if n.status == "in_progress").url,
    }


EXAMPLES = _examples()
