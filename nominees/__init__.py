"""Nominees: the person an entrant office names for a contest that honours people; its models, who may be
named (eligibility), the writes, the reads, the API and the admin in one place."""
