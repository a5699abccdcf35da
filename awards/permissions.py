"""Who may do what with results and documents, from scoring's role predicates."""

import rules

from contests.permissions import departments_contest, files_for_entry, is_central, is_committee, runs_contest
from core.acts import declare

# Whoever runs the contest (central staff; a provincial office's organisers for its own) makes, downloads
# and signs the documents and takes the spreadsheets.
# Making a document issues a new version of it; the signer and date are printed on every one: both need the
# second factor, as a score or a fact does.
declare("awards.generate_documents", runs_contest, second_factor=True, about="make or remake a contest's documents")
declare("awards.download_documents", runs_contest)
declare(
    "awards.change_signature",
    runs_contest,
    second_factor=True,
    about="change who signs a contest's documents, and when",
)
declare("awards.export_sheets", runs_contest)
# An awardee's own staff download its issued certificate (asked about the entry: their own office, entering the
# contest), the first one and any made after a correction: the one its notice leads to.
declare("awards.download_own_certificate", files_for_entry)
# The Department's signing certificate signs every office's documents: central staff alone manage it.
declare(
    "awards.manage_certificate",
    is_central,
    second_factor=True,
    about="upload or withdraw the Department's signing certificate",
)
# The committee may look at the national results table (the page), not take the files away.
declare("awards.view_results", runs_contest | (is_committee & departments_contest))
# The public verification page of an issued document (/verify/): anyone, signed in or not, may check a
# code or a file. It shows only what was printed on the document, the same to every role, and opens
# nothing else (no download, no link into the contest).
declare("awards.verify_document", rules.always_allow)
