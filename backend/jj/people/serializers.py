from collections.abc import Hashable
from typing import Any

from rest_framework import serializers
from rest_framework.fields import Field

from jj.core.pseudonym import child_pseudonym
from jj.core.serializers import CachedFieldsMixin
from jj.people.access import CORRECTABLE_FIELDS
from jj.people.models import Child, Guardian, RecordContest

CHILD_WRITABLE = [
    "given_name",
    "family_name",
    "other_names",
    "date_of_birth",
    "dob_certainty",
    "dob_earliest",
    "dob_latest",
    "age_assessment_method",
    "sex",
    "languages",
    "interpreter_needed",
    "disability",
    "accommodation_needs",
    "health_notes",
    "developmental_disorder",
    "pregnant",
    "child_in_care",
    "armed_forces_association",
    "address",
    "nationality",
    "migration_status",
    "minority_status",
    "minority_status_consent",
    "migration_status_consent",
    "disability_consent",
]


class ChildOutputSerializer(CachedFieldsMixin, serializers.ModelSerializer[Child]):
    """Every field a child record can show; `allowed_fields` (from jj.people.access) trims it per role."""

    pseudonym = serializers.SerializerMethodField()

    class Meta:
        model = Child
        fields = ["id", "pseudonym", "version", "created_at", "updated_at", "agency", "jurisdiction", *CHILD_WRITABLE]
        read_only_fields = fields

    def __init__(self, *args: Any, allowed_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
        # None only when the schema generator inspects the full shape.
        self.allowed_fields = allowed_fields
        super().__init__(*args, **kwargs)

    def field_set_key(self) -> Hashable:
        return self.allowed_fields

    def build_field_set(self) -> dict[str, Field]:  # type: ignore[type-arg]
        fields = super().build_field_set()
        if self.allowed_fields is None:
            return fields
        return {name: field for name, field in fields.items() if name in self.allowed_fields}

    def get_pseudonym(self, child: Child) -> str:
        return child_pseudonym(child.pk)


class ChildInputSerializer(serializers.ModelSerializer[Child]):
    class Meta:
        model = Child
        fields = CHILD_WRITABLE
        extra_kwargs = {"given_name": {"required": True}}


class ChildUpdateSerializer(ChildInputSerializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a stale version answers 409 and changes nothing."
    )

    class Meta(ChildInputSerializer.Meta):
        fields = [*CHILD_WRITABLE, "version"]


GUARDIAN_WRITABLE = ["name", "relationship", "phone", "email", "address"]


class GuardianSerializer(serializers.ModelSerializer[Guardian]):
    class Meta:
        model = Guardian
        fields = ["id", "child", "version", *GUARDIAN_WRITABLE, "created_at"]
        read_only_fields = ["id", "version", "created_at"]


class GuardianUpdateSerializer(serializers.ModelSerializer[Guardian]):
    version = serializers.IntegerField(min_value=1)

    class Meta:
        model = Guardian
        fields = [*GUARDIAN_WRITABLE, "version"]


class RecordContestSerializer(serializers.ModelSerializer[RecordContest]):
    """REC-1: a contest of a fact or an opinion in the child's file, with its decision."""

    field = serializers.ChoiceField(
        choices=sorted(CORRECTABLE_FIELDS),
        required=False,
        allow_blank=True,
        help_text="The field of the child's record contested, if it is one; an upheld decision corrects it.",
    )

    class Meta:
        model = RecordContest
        fields = [
            "id",
            "child",
            "version",
            "subject",
            "field",
            "statement",
            "raised_by",
            "recorded_by",
            "status",
            "decision_reason",
            "corrected_value",
            "decided_by",
            "decided_at",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "version",
            "recorded_by",
            "status",
            "decision_reason",
            "corrected_value",
            "decided_by",
            "decided_at",
            "created_at",
        ]


DECISION_STATUSES = [
    (value, label) for value, label in RecordContest.Status.choices if value != RecordContest.Status.PENDING
]


class RecordContestDecisionSerializer(serializers.Serializer[None]):
    version = serializers.IntegerField(min_value=1, help_text="The version of the contest you read.")
    status = serializers.ChoiceField(choices=DECISION_STATUSES)
    decision_reason = serializers.CharField(max_length=4000)
    corrected_value = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=240,
        help_text="For an upheld contest about a field: the corrected value (a date as YYYY-MM-DD, true/false).",
    )


class DuplicateQuerySerializer(serializers.Serializer[Any]):
    given_name = serializers.CharField(max_length=120)
    family_name = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)


class DuplicateMatchSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    pseudonym = serializers.CharField()
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class ChildMergeSerializer(serializers.Serializer[Any]):
    duplicate = serializers.IntegerField(help_text="The id of the record to merge into this one (it goes).")
