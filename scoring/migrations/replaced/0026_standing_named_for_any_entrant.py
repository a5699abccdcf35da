# ProvinceResult held any entrant's result, so it is called Standing. State only: its table stays
# scoring_provinceresult (named in its Meta now); the content type and its permissions are renamed.

from django.db import migrations

from core.migration_ops import rename_content_type


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_account_event_line_and_line_links"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("awards", "0007_field_names"),
        ("committee", "0005_field_names"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contests", "0009_unit_named_for_any_unit"),
        ("notices", "0001_notices_outbox_and_inbox"),
        ("ops", "0003_field_names"),
        ("people", "0006_field_names"),
        ("scoring", "0025_field_names"),
        ("submissions", "0005_field_names"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameModel("ProvinceResult", "Standing"),
                migrations.AlterModelTable("standing", "scoring_provinceresult"),
            ]
        ),
        rename_content_type("scoring", "provinceresult", "standing"),
    ]
