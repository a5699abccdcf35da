"""A wrong code at set-up is recorded as every wrong code is (factor_failed): the rows kept as setup_failed read so
too, and the kind is gone."""

from django.db import migrations, models


def setup_failures_as_factor_failures(apps, schema_editor):
    apps.get_model("accounts", "AccountEvent").objects.filter(kind="setup_failed").update(kind="factor_failed")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_labels_from_catalogue"),
    ]

    operations = [
        migrations.RunPython(setup_failures_as_factor_failures, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="accountevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("sign_in", "signed in"),
                    ("failure", "sign-in failed"),
                    ("sign_out", "signed out"),
                    ("invited", "invited"),
                    ("accepted", "invitation accepted"),
                    ("reset_asked", "reset asked"),
                    ("reset_done", "password reset"),
                    ("password", "password changed"),
                    ("email_asked", "e-mail change asked"),
                    ("email", "e-mail changed"),
                    ("username", "username changed"),
                    ("role", "role or office changed"),
                    ("factor_added", "second factor set up"),
                    ("factor_removed", "second factor removed"),
                    ("factor_ok", "second factor confirmed"),
                    ("factor_failed", "wrong second-factor code"),
                    ("key_shown", "set-up key shown"),
                    ("recovery", "recovery code used"),
                    ("codes", "new recovery codes"),
                    ("provisioned", "made or changed from a sheet"),
                    ("deactivated", "deactivated"),
                    ("reactivated", "reactivated"),
                    ("line_linked", "LINE linked"),
                    ("line_unlinked", "LINE unlinked"),
                ],
                max_length=16,
                verbose_name="event",
            ),
        ),
    ]
