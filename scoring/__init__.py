"""Facts → points → ranks: facts and their import and template (`scoring/facts/`), the recompute (`recompute.py`,
`chunks.py` in parallel), the ranking it and the shift of a few share (`ranking.py`, `shift.py`), explanations,
standings, the results a person's office sees (`contests.py`), the counts over every entrant central's dashboard
shows (`entrant_counts.py`; the dashboard itself is the schedule's), freezing and publishing (`snapshots.py`),
settled ties (`ties/`), the lifecycle, its admin (`scoring/admin/`) and the demo's contests and facts (`demo.py`);
the loaders of a contest and of an entry are `rubrics/access.py`. Its models (facts, standings, snapshots, ties,
rounds kept) are in `scoring/models/`; a rubric's, and the shipped rubric files, are in `rubrics/`.
Its layers: docs/architecture.md, "Inside the biggest apps"."""
