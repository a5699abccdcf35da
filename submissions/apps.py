from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "หลักฐาน / Evidence"

    def ready(self) -> None:
        # inline: these modules import models, which only ready() may do; registering is their side effect
        from scoring.hooks import submitted_sources

        from . import permissions, selectors  # noqa: F401 - registers the rules

        # Scoring never imports submissions: its missing-evidence counts get the evidence from here.
        submitted_sources.register(selectors.evidence_pairs)
