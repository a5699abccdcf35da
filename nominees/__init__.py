"""Nominees: the person an entrant office names for a contest that honours people (`Contest.nominates`); its models,
who may be named (`eligibility.py`, with the rubric file's `contest.nominee` block it checks), the writes, the
reads, the API and the admin in one place. Scoring's readers and the schedule read its models."""
