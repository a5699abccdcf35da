"""Nominees: the person an entrant office names for a contest that honours people (`Contest.nominates`); its models,
who may be named (`eligibility.py`, with the rubric file's `contest.nominee` block it checks), the writes, the
reads, the API, the admin and the demo's nominees in one place. It sits above scoring, the schedule and the
rubrics, which hear from it through the hooks `apps.py` registers: scoring's results name the nominees, the
schedule counts a nominee as sent, the rubrics check a file's nominee rules."""
