"""The notice that tells an account's owner a LINE was linked to it (accounts.line_notices)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0003_judging_deadline_and_pick_due_kinds"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notice",
            name="kind",
            field=models.CharField(
                choices=[
                    ("deadline_moved", "Deadline moved"),
                    ("question_asked", "Clarification asked"),
                    ("question_answered", "Clarification answered"),
                    ("evidence_received", "Evidence received"),
                    ("results_frozen", "Results frozen"),
                    ("results_published", "Results published"),
                    ("results_withdrawn", "Results withdrawn"),
                    ("contest_opened", "Contest opened"),
                    ("tie_waiting", "Tie at an award line waiting"),
                    ("final_waiting", "Members disagree: a final score waiting"),
                    ("account_invited", "Account invited"),
                    ("invitation_accepted", "Invitation accepted"),
                    ("judging_deadline", "Judging deadline set or moved"),
                    ("pick_due", "Entrants to pick for the next stage"),
                    ("line_linked", "LINE linked to the account"),
                ],
                max_length=24,
                verbose_name="kind",
            ),
        ),
    ]
