from typing import Any

from rest_framework import serializers

from jj.core.pseudonym import child_pseudonym
from jj.custody.serializers import APPEARANCE_KINDS, APPEARANCE_OUTCOMES
from jj.hearings.models import Hearing, HearingStatus


class HearingSerializer(serializers.ModelSerializer[Hearing]):
    case_reference = serializers.CharField(source="case.reference", read_only=True)
    child = serializers.IntegerField(source="case.child_id", read_only=True)
    child_display = serializers.SerializerMethodField()
    agency = serializers.IntegerField(source="case.agency_id", read_only=True)
    agency_name = serializers.CharField(source="case.agency.name", read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "case",
            "case_reference",
            "child",
            "child_display",
            "agency",
            "agency_name",
            "court",
            "at",
            "purpose",
            "status",
            "notes",
            "outcome_note",
            "appearance",
            "reminded_at",
            "created_at",
        ]
        read_only_fields = [f for f in fields if f not in {"case", "court", "at", "purpose", "notes"}]

    def __init__(self, *args: Any, show_names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_names = show_names

    def get_child_display(self, hearing: Hearing) -> str:
        child = hearing.case.child
        if self.show_names:
            return f"{child.given_name} {child.family_name}".strip()
        return child_pseudonym(child.pk)


class HearingCreateSerializer(serializers.ModelSerializer[Hearing]):
    case = serializers.IntegerField()

    class Meta:
        model = Hearing
        fields = ["case", "court", "at", "purpose", "notes"]


class HearingOutcomeSerializer(serializers.Serializer):
    """Held (with the appearance's kind and outcome when the child is in custody), adjourned or cancelled."""

    status = serializers.ChoiceField(choices=[s for s in HearingStatus.values if s != HearingStatus.SCHEDULED])
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
    at = serializers.DateTimeField(required=False)
    appearance_kind = serializers.ChoiceField(choices=APPEARANCE_KINDS, required=False)
    appearance_outcome = serializers.ChoiceField(choices=APPEARANCE_OUTCOMES, required=False)
    justification = serializers.CharField(required=False, allow_blank=True, default="")
    accommodation_provided = serializers.CharField(required=False, allow_blank=True, default="")
