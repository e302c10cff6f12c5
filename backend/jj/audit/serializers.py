from typing import Any

from rest_framework import serializers

from jj.audit.models import AuditEvent
from jj.audit.shredding import mask, reveal


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    """Events as stored: children appear only as pseudonyms; identifying values, stored encrypted under the
    child's data key (and the reason of an event about a child), read `***` (and `[removed]` once the key was
    shredded: the list's `child_key_shredded`)."""

    def to_representation(self, instance: AuditEvent) -> dict[str, Any]:
        data = super().to_representation(instance)
        shredded = bool(getattr(instance, "child_key_shredded", False))
        data["changes"] = mask(data["changes"], shredded=shredded)
        data["reason"] = mask(data["reason"], shredded=shredded)
        return data

    class Meta:
        model = AuditEvent
        fields = [
            "seq",
            "occurred_at",
            "actor_id",
            "actor_username",
            "actor_role",
            "agency_id",
            "action",
            "object_type",
            "object_id",
            "child_ref",
            "outcome",
            "changes",
            "decisions",
            "reason",
            "request_id",
            "ip",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields


class AccessLogEntrySerializer(serializers.ModelSerializer[AuditEvent]):
    """One child's events for the supervisor of the child's agency, who may see the child's identity: identifying
    values are decrypted with the child's data key (context `child_key`), `[removed]` once it was shredded."""

    def to_representation(self, instance: AuditEvent) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["changes"] = reveal(data["changes"], key=self.context.get("child_key"), child_ref=instance.child_ref)
        data["reason"] = reveal(data["reason"], key=self.context.get("child_key"), child_ref=instance.child_ref)
        return data

    class Meta:
        model = AuditEvent
        fields = [
            "seq",
            "occurred_at",
            "actor_username",
            "actor_role",
            "action",
            "object_type",
            "object_id",
            "outcome",
            "changes",
            "reason",
        ]
        read_only_fields = fields


class ChainReportSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    events_checked = serializers.IntegerField()
    first_broken_seq = serializers.IntegerField(allow_null=True)
    problem = serializers.CharField()
    head_seq = serializers.IntegerField(allow_null=True)
    head_hash = serializers.CharField(allow_null=True)
