"""Selection in stages (docs/contests.md, Stages): a contest whose entrants are picked, stage by stage, by the offices
of one level, whole in one place.

Its models (`models.py`), rules (`rules.py`: pools, bars, the files missing), acts (`permissions.py`), the lock's part
(`rights.py`: which stages an office picks in, computed from the actor and kept on it for the request; the lock
below asks it through the hooks `apps.py` registers), writes (`services.py`), reads (`selectors.py`), what its
picking offices and picked entrants owe (`obligations.py`, which the schedule lists and reminds of through its
hooks), the register's
data, pages (their loader `views.staged_or_404`), API, admin, commands and its demo (the stages loaded with the
present year's contests, `demo.demo_present_contests`). It sits above every package it reads (scoring's results,
the schedule, the rubrics) and none of them imports it: they hear from it through hooks (`hooks.py` holds its own:
the upload limits submissions gives), and scoring ranks within regions by `contests.region_ranking`."""
