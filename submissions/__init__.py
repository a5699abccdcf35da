"""The evidence portal: uploads (in one request or in resumable pieces), files sent from the LINE chat
(`line/`), links, the innovation report, and an office's own pages."""
