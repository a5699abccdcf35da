# A receipt's notice and a delivery's receipt lose the index of their own: the unique constraints `receipt_once`
# (notice, user) and `delivery_once_per_channel` (receipt, channel) begin with the same column and serve every
# lookup by it, and a day's reminders write one index fewer for each of their tens of thousands of rows.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0008_line_models_from_accounts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="delivery",
            name="receipt",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="notices.receipt",
            ),
        ),
        migrations.AlterField(
            model_name="receipt",
            name="notice",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="receipts",
                to="notices.notice",
            ),
        ),
    ]
