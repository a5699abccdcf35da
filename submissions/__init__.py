"""The evidence portal: uploads (in one request or in resumable pieces) and links, the innovation report, and an
office's own pages."""
