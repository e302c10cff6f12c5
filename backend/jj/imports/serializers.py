from typing import Any

from rest_framework import serializers

from jj.core.i18n import localize, localize_decision_rows
from jj.imports.models import ImportJob, ImportRow


class ImportUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField()
    dry_run = serializers.BooleanField(default=True)


class ImportJobSerializer(serializers.ModelSerializer[ImportJob]):
    progress = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "dry_run",
            "file_format",
            "status",
            "total",
            "done",
            "progress",
            "created",
            "skipped",
            "refused",
            "invalid",
            "error",
            "created_at",
            "finished_at",
        ]

    def get_progress(self, job: ImportJob) -> int:
        """Percent of the rows done."""
        return 100 if not job.total else min(100, 100 * job.done // job.total)

    def get_error(self, job: ImportJob) -> str:
        return localize(job.error)


class ImportRowSerializer(serializers.ModelSerializer[ImportRow]):
    messages = serializers.SerializerMethodField()
    decisions = serializers.SerializerMethodField()

    class Meta:
        model = ImportRow
        fields = ["id", "row", "outcome", "messages", "decisions", "child", "case"]

    def get_messages(self, row: ImportRow) -> dict[str, list[str]]:
        return {k: [localize(m) for m in v] for k, v in (row.messages or {}).items()}

    def get_decisions(self, row: ImportRow) -> Any:
        return localize_decision_rows(row.decisions)
