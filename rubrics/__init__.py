"""A contest's rules as stored and changed: a rubric file read whole (`contest_spec.py`), loading and saving rubrics,
opening a draft, the award minimum and a year's settings (`services.py`), the one door for a change of rules
(`revisions.py`) and its pages (`revision_views.py`), a criterion's deadline moved (`timetable.py`, with the holidays)
and its moves read back (`deadline_moves.py`), its letter (`letters.py`) and the boxes of a move (`move_form.py`);
reads of a rubric, parsed and cached, and of the calendar its deadlines are read by (`selectors.py`); the one loader
of the contest a URL names and of an entry (`access.py`). Its models (`models.py`): a rubric with its dimensions,
criteria and award tiers, the audit of its changes, each year's settings and the calendar's holiday overrides, kept in
the tables scoring made for them. What a change asks of the results (their rows, facts, freezing) goes through
`hooks.py`, which scoring registers. Its face: its acts (`permissions.py`, `rubrics.*`), its pages (`views.py`: the
rubric file's upload, a year's settings, the working-day calendar) under `rubrics:` (`urls.py`), its admin
(`admin/`), the shipped rubric files (`rubric_files/`) and the commands `rubric_deadline` and `rubric_params_doc`.
The criterion's page is the schedule's (`schedule/deadline_views.py`)."""
