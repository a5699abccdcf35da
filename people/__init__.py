"""Who someone is in the portal: roles, memberships of an office, conflicts of interest. Builds on core only."""
