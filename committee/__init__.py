"""Judging: members' judgments, the chair's finals and overrides, clarification rounds, panels, and the audit of every
score change."""
