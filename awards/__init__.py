"""Award documents (announcement, results, breakdowns, certificates) rendered by WeasyPrint, signed with the
Department's certificate, and verified by anyone from their code (docs/documents.md)."""
