"""Who may do what with results and documents, from scoring's role predicates."""

import rules

from scoring.permissions import is_central, is_committee

# Central staff make, download and sign the documents and take the spreadsheets.
rules.add_perm("awards.generate_documents", is_central)
rules.add_perm("awards.download_documents", is_central)
rules.add_perm("awards.change_signature", is_central)
rules.add_perm("awards.export_sheets", is_central)
# The committee may look at the results table (the page), not take the files away.
rules.add_perm("awards.view_results", is_central | is_committee)
