"""Evidence sent from the LINE chat (docs/line.md, "Evidence from LINE"): a linked person's files, the quick reply
of what their office owes, the choice tapped, and the worker that fetches each file from LINE and keeps it through
the upload service (submissions.services.evidence_submit), the one door every file comes in by."""
