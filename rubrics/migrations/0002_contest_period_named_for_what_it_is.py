# Rubric held a contest's period (its dates, points, tie-break and settings); the rules themselves are the
# RubricSpec read from its file, so the model is called ContestPeriod. State only: the table stays scoring_rubric
# and every column pointing at it stays; the content type and its permissions are renamed in place. It comes
# after every app's migrations that named rubrics.rubric.

from django.db import migrations

from core.migration_ops import rename_content_type


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0012_person_session"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("awards", "0013_certificate_numbers"),
        ("committee", "0009_rubric_models_in_rubrics"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contests", "0001_squashed_0014_one_act_sees_a_unit"),
        ("nominees", "0001_squashed_0002_acts_declared_by_nominees"),
        ("notices", "0016_outreach_invitations"),
        ("ops", "0001_squashed_0008_office_records_act"),
        ("people", "0001_squashed_0009_unit_labels"),
        ("rubrics", "0001_rubric_models_from_scoring"),
        ("schedule", "0002_act_declared_by_schedule"),
        ("scoring", "0047_rounds_models_to_schedule"),
        ("stages", "0001_squashed_0002_acts_declared_by_stages"),
        ("submissions", "0012_evidence_from_line"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.RenameModel("Rubric", "ContestPeriod")]),
        rename_content_type("rubrics", "rubric", "contestperiod"),
    ]
