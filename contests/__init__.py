"""Contests and who enters them: the administrative units, each contest (its organiser, entrants, how its
periods combine) and the persons its entrants nominate. Builds on people and core; scoring's rubrics,
facts and standings build on it."""
