from typing import Any

from django.utils import timezone
from rest_framework import serializers

from jj.core.pseudonym import child_pseudonym
from jj.core.serializers import CachedFieldsMixin, LocalizedTextField
from jj.deadlines.models import Deadline, EmailMode, Notification


class DeadlineSerializer(CachedFieldsMixin, serializers.ModelSerializer[Deadline]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    child = serializers.IntegerField(source="case.child_id", read_only=True)
    child_display = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    description = LocalizedTextField(parts_source="description_parts")

    class Meta:
        model = Deadline
        fields = [
            "id",
            "case",
            "case_reference",
            "child",
            "child_display",
            "kind",
            "rule_id",
            "subject_type",
            "subject_id",
            "description",
            "due_at",
            "overdue",
            "priority",
            "escalate_to",
            "met_at",
            "met_note",
            "created_at",
        ]
        read_only_fields = fields

    def __init__(self, *args: Any, show_names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_names = show_names

    def get_child_display(self, deadline: Deadline) -> str:
        child = deadline.case.child
        if self.show_names and child.sealed_at is None:  # a sealed child (REC-3) by pseudonym only
            return f"{child.given_name} {child.family_name}".strip()
        return child_pseudonym(child.pk)

    def get_overdue(self, deadline: Deadline) -> bool:
        return deadline.met_at is None and deadline.due_at < timezone.now()


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    message = LocalizedTextField(parts_source="message_parts")
    case_reference = serializers.CharField(source="case.reference", read_only=True, default=None)

    class Meta:
        model = Notification
        fields = ["id", "kind", "message", "case", "case_reference", "deadline", "created_at", "read_at"]
        read_only_fields = fields


class NotificationPreferenceSerializer(serializers.Serializer):
    email_mode = serializers.ChoiceField(choices=EmailMode.choices)
    # The account's address as stored ("" when it has none), so not EmailField: its schema says "format: email".
    email = serializers.CharField(read_only=True)
