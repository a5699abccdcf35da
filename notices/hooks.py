"""Where the apps above notices feed its questions, without notices importing them (registered in their ready())."""

from core.hooks import Hook

# (actor, contest, office) → whether the person picks the contest's entrants for that office (stages: an organiser
# of an office that picks at this stage). They hear that picks are due, and are reminded of them (recipients.py).
picks_for = Hook("notices.picks_for")
