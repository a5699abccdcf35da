"""A pointer to a tracker's issue, in any of its forms: what no comment, document or file name holds."""

import re

# "issue 74", "Issue #37", "issues 12 and 13", "issue15"; "#39" anywhere but as a colour ("#555;", "solid #333",
# 'fill="#000"'), an HTML entity ("&#3647;") or a fragment ("/#2"); `test_i37_…`.
POINTER = re.compile(
    r"(?<![a-z])issues?[\s_-]*#?\s*\d"
    r"|(?<![&\w#/])(?<!: )(?<!solid )#\d+(?![\w;\"'])"
    r"|(?<![a-z0-9])i\d{2,3}_",
    re.IGNORECASE,
)
