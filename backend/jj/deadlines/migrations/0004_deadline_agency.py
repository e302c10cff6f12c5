"""Issue 12: each deadline carries its case's agency, with an index on an agency's open deadlines by due date, so a
supervisor's worklist is read from that index at national size. Existing rows are filled from their case in one
set-based UPDATE (a case never changes agency), then the column becomes required."""

from django.db import migrations, models
from django.db.models import Q

BACKFILL = (
    "UPDATE deadlines_deadline SET agency_id = "
    "(SELECT cases_case.agency_id FROM cases_case WHERE cases_case.id = deadlines_deadline.case_id) "
    "WHERE agency_id IS NULL"
)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("deadlines", "0003_deadline_case_open_due_index"),
    ]

    operations = [
        migrations.AddField(model_name="deadline", name="agency_id", field=models.BigIntegerField(null=True)),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AlterField(model_name="deadline", name="agency_id", field=models.BigIntegerField()),
        migrations.AddIndex(
            model_name="deadline",
            index=models.Index(
                condition=Q(met_at__isnull=True), fields=["agency_id", "due_at"], name="deadline_agency_open_due_idx"
            ),
        ),
    ]
