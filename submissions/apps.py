from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        # inline: ready() runs once the models are loaded; importing these registers them
        from notices.channels.line.hooks import content_sent, postback_sent  # inline: see above
        from notices.hooks import rounds_met  # inline: see above
        from schedule.selectors import rounds_met_keys  # inline: see above
        from scoring.hooks import submitted_sources  # inline: see above
        from stages.hooks import upload_limits  # inline: see above

        # the tasks: registered under the names the LINE chat queues them by
        from . import permissions, selectors, tasks, uploads  # noqa: F401  (inline: see above)
        from .line import chat  # inline: see above

        # Scoring and stages never import submissions: the missing-evidence counts get the evidence from here, and
        # a stage's files the limits.
        submitted_sources.register(selectors.evidence_pairs)
        upload_limits.register(uploads.limits_bytes)
        # The notices never import the schedule: an upload settles the reminders of the rounds it met from here.
        rounds_met.register(rounds_met_keys)
        # The LINE chat is a door for evidence: what a linked person sends is filed by this app's upload service.
        content_sent.register(chat.line_content_note)
        postback_sent.register(chat.line_choice_take)
