"""Where the apps built on stages feed it, without stages importing them (registered in their ready())."""

from core.hooks import Hook

# () → {file kind ("pdf", "video"…): its size limit in bytes} (submissions: central staff's limits over the
# settings). A stage's file is refused over its kind's limit however it arrives, as evidence is (docs/api.md).
upload_limits = Hook("stages.upload_limits")
