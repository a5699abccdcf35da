"""Who may do what with results and documents, from scoring's role predicates."""

import rules

from contests.permissions import departments_contest, is_central, is_committee, runs_contest

# Whoever runs the contest (central staff; a provincial office's organisers for its own) makes, downloads
# and signs the documents and takes the spreadsheets.
rules.add_perm("awards.generate_documents", runs_contest)
rules.add_perm("awards.download_documents", runs_contest)
rules.add_perm("awards.change_signature", runs_contest)
rules.add_perm("awards.export_sheets", runs_contest)
# The Department's signing certificate signs every office's documents: central staff alone manage it.
rules.add_perm("awards.manage_certificate", is_central)
# The committee may look at the national results table (the page), not take the files away.
rules.add_perm("awards.view_results", runs_contest | (is_committee & departments_contest))
# The public verification page of an issued document (/verify/): anyone, signed in or not, may check a
# code or a file. It shows only what was printed on the document, the same to every role, and opens
# nothing else (no download, no link into the contest).
rules.add_perm("awards.verify_document", rules.always_allow)
