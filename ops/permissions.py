import rules

from scoring.permissions import is_central

rules.add_perm("ops.view_status", is_central)
rules.add_perm("ops.open_next_year", is_central)
