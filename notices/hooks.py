"""Where the apps above notices feed its questions, without notices importing them (registered in their ready())."""

from core.hooks import Hook

# (actor, contest, office) → whether the person picks the contest's entrants for that office (stages: an organiser
# of an office that picks at this stage). They hear that picks are due, and are reminded of them (recipients.py).
picks_for = Hook("notices.picks_for")

# (notice=, user=) → the path of a sealed kind's link for that person, made as it is sent (accounts: a password's
# or an address's key, never stored), or None when it opens nothing any more; None too for a kind not its own.
# Nothing registered: a sealed notice is not sent (notices.channels.email).
sealed_link = Hook("notices.sealed_link")

# (rubric, unit, codes) → the obligation keys of the unit's rounds of those criteria met now (the schedule's
# one rule of which sending meets which round: schedule.selectors.rounds_met_keys, registered by submissions).
# A reminder, or a late reminder, is settled only once every round it asks is among them (notices.asks).
rounds_met = Hook("notices.rounds_met")
