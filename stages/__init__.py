"""Selection in stages (docs/contests.md, Stages): a contest whose entrants are picked, stage by stage, by the offices
of one level, whole in one place.

Its models (`models.py`), rules (`rules.py`: pools, bars, regions), acts (`permissions.py`), the lock's part
(`rights.py`: which stages an office picks in, computed from the actor and kept on it for the request; the lock
below asks it through the hooks `apps.py` registers), writes (`services.py`), reads (`selectors.py`), the register's
data, pages (their loader `views.staged_or_404`), API, admin, commands and its demo (the stages loaded with the
present year's contests, `demo.demo_present_contests`). It reads scoring's results and the rubrics and marks results
stale; scoring's ranking, the schedule and the rubrics read its models and rules."""
