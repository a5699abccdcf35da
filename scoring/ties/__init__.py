"""Ties at award lines: which are open, settling one (`settle`), and its page (`views`)."""
