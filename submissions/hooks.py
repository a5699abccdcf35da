"""Where the apps built on submissions add to its pages, without submissions importing them."""

from core.hooks import Hook

# (unit, rubric) → a dict merged into an entrant's page's context (committee: open clarifications).
unit_page = Hook("submissions.unit_page")

# (user) → a list of submissions.todo.Todo for the home page's "what to do now" (committee: what is left to score).
home_todo = Hook("submissions.home_todo")

# (user, unit, rubric, criterion, whether the user may send the office's evidence there: the page's answer)
# → a dict merged into the criterion page's context (committee: its questions).
criterion_page = Hook("submissions.criterion_page")
