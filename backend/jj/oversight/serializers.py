from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from jj.core.i18n import localize
from jj.oversight.conventions import CONSENTED_DIMENSIONS, DIMENSIONS, months_before
from jj.oversight.models import AgeGroup, ChildPopulation, ExportJob, ExportKind, ExportStatus
from jj.people.models import Sex
from jj.rules.text import t

MAX_PERIOD_DAYS = 5 * 366


def _last_year() -> tuple[date, date]:
    year = timezone.now().year - 1
    return date(year, 1, 1), date(year, 12, 31)


class PeriodQuery(serializers.Serializer):
    """The period and jurisdiction of every statistic. Default: the last full calendar year, the caller's own
    jurisdiction."""

    jurisdiction = serializers.CharField(required=False, allow_blank=True)
    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("period_start"), attrs.get("period_end")
        if start is None and end is None:
            start, end = _last_year()
        elif end is None:
            assert start is not None
            end = months_before(start, -12) - timedelta(days=1)
        elif start is None:
            start = months_before(end, 12) + timedelta(days=1)
        if end < start:
            raise serializers.ValidationError({"period_end": [t("The period cannot end before it starts.")]})
        if (end - start).days > MAX_PERIOD_DAYS:
            raise serializers.ValidationError({"period_end": [t("A period covers at most five years.")]})
        attrs["period_start"], attrs["period_end"] = start, end
        return attrs


class IndicatorQuery(PeriodQuery):
    census_date = serializers.DateField(required=False)
    by = serializers.ChoiceField(choices=DIMENSIONS, required=False)
    arrest_unit = serializers.ChoiceField(choices=["child", "event"], default="child")
    sentence_unit = serializers.ChoiceField(choices=["child", "event"], default="child")
    diversion_unit = serializers.ChoiceField(choices=["child", "event"], default="child")
    deaths_denominator = serializers.ChoiceField(
        choices=["detained_in_period", "census_stock"], default="detained_in_period"
    )
    duration_cohort = serializers.ChoiceField(choices=["ended", "started"], default="ended")
    population_year = serializers.IntegerField(required=False, min_value=1900, max_value=2200)
    contact_window_months = serializers.IntegerField(default=3, min_value=1, max_value=24)
    inspection_window_months = serializers.IntegerField(default=12, min_value=1, max_value=60)
    threshold = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=50,
        help_text="Raise the suppression threshold (never below the jurisdiction's).",
    )


class ExportQuery(IndicatorQuery):
    # Not "format": DRF reserves that query parameter for choosing a renderer.
    file = serializers.ChoiceField(choices=["csv", "xlsx"], default="xlsx")
    purpose = serializers.CharField(
        help_text="Why the figures leave the system (5 to 200 characters; no child's name): written into the file's"
        " watermark and the audit trail"
    )

    def validate_purpose(self, value: str) -> str:
        from jj.core.exceptions import ApplicationError
        from jj.core.views import export_purpose

        try:
            return export_purpose(value)
        except ApplicationError as refusal:
            raise serializers.ValidationError(refusal.message) from refusal


class ExportJobRequest(ExportQuery):
    kind = serializers.ChoiceField(
        choices=ExportKind.choices,
        default=ExportKind.INDICATORS,
        help_text="The indicator table, or the pseudonymised dataset (one row per case; oversight monitors only).",
    )


class DisparityQuery(PeriodQuery):
    by = serializers.ChoiceField(choices=["sex", "age_group", "agency", *CONSENTED_DIMENSIONS], default="sex")
    reference = serializers.CharField(required=False, allow_blank=True)


class OccupancyQuery(PeriodQuery):
    step = serializers.ChoiceField(choices=["month", "week", "day"], default="month")


class ParameterSerializer(serializers.Serializer):
    value = serializers.JSONField()
    default = serializers.JSONField(required=False)


class FlagsSerializer(serializers.Serializer):
    numerator = serializers.BooleanField()
    denominator = serializers.BooleanField()
    value = serializers.BooleanField()


class GroupSerializer(serializers.Serializer):
    group = serializers.CharField()
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    value = serializers.FloatField(allow_null=True)
    suppressed = FlagsSerializer()


class LocalizedText(serializers.CharField):
    """English text of the statistics (a definition, a unit, a note) in the reader's language (Accept-Language):
    through its template and fields when written with `t`, else through the catalogue as a whole."""

    def to_representation(self, value: Any) -> str:
        return localize(value)


class IndicatorSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    code = serializers.CharField()
    name = LocalizedText()
    definition = LocalizedText()
    kind = serializers.ChoiceField(choices=["rate", "percent", "duration", "policy"])
    core = serializers.BooleanField()
    unit = LocalizedText()
    numerator_definition = LocalizedText()
    denominator_definition = LocalizedText()
    parameters = serializers.DictField(child=ParameterSerializer())
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    value = serializers.JSONField(
        help_text="A number, or yes/no (true/false) for indicators 14 and 15; null if unknown"
    )
    suppressed = FlagsSerializer()
    notes = serializers.ListField(child=LocalizedText())
    groups = GroupSerializer(many=True, allow_null=True)
    extra = serializers.DictField()


class JurisdictionOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    timezone = serializers.CharField()


class IndicatorReportSerializer(serializers.Serializer):
    jurisdiction = JurisdictionOut()
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    census_date = serializers.DateField()
    by = serializers.CharField(allow_null=True)
    threshold = serializers.IntegerField()
    results = IndicatorSerializer(many=True)


class PopulationSerializer(serializers.ModelSerializer[ChildPopulation]):
    sex = serializers.ChoiceField(choices=Sex.choices)
    age_group = serializers.ChoiceField(choices=AgeGroup.choices)
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    count = serializers.IntegerField(min_value=0)

    class Meta:
        model = ChildPopulation
        fields = ["id", "year", "sex", "age_group", "count", "source", "updated_at"]
        read_only_fields = ["id", "updated_at"]


class PopulationImportSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text="CSV with a header: year,sex,age_group,count")
    csv = serializers.CharField(required=False, help_text="The same CSV as text")
    source = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)  # type: ignore[assignment]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "file" in attrs:
            raw = attrs["file"].read(5_000_000)
            try:
                attrs["text"] = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise serializers.ValidationError({"file": [t("The file must be UTF-8 text (CSV).")]}) from exc
        elif "csv" in attrs:
            attrs["text"] = attrs["csv"]
        else:
            raise serializers.ValidationError({"file": [t("Attach a CSV file.")]})
        return attrs


class ProfileSerializer(serializers.Serializer):
    jurisdiction = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    version = serializers.IntegerField(min_value=0)
    specialised_system = serializers.BooleanField(allow_null=True, required=False)
    specialised_system_note = serializers.CharField(allow_blank=True, required=False)
    prevention_plan = serializers.BooleanField(allow_null=True, required=False)
    prevention_plan_reference = serializers.CharField(allow_blank=True, required=False, max_length=300)
    suppression_threshold = serializers.IntegerField(min_value=1, max_value=50, required=False)


class JurisdictionCreateSerializer(serializers.Serializer):
    """A new jurisdiction: the legal order, its policy facts (indicators 14, 15), its first agency and its first
    administrator (who manages it from then on; the platform operator gains nothing in it)."""

    code = serializers.SlugField(max_length=32)
    name = serializers.CharField(max_length=200)
    timezone = serializers.CharField(max_length=64)
    specialised_system = serializers.BooleanField(allow_null=True, required=False, default=None)
    specialised_system_note = serializers.CharField(allow_blank=True, required=False, default="")
    prevention_plan = serializers.BooleanField(allow_null=True, required=False, default=None)
    prevention_plan_reference = serializers.CharField(allow_blank=True, required=False, default="", max_length=300)
    suppression_threshold = serializers.IntegerField(min_value=1, max_value=50, required=False, default=5)
    agency_name = serializers.CharField(max_length=200)
    admin_username = serializers.CharField(max_length=150)
    admin_password = serializers.CharField(write_only=True, style={"input_type": "password"})
    admin_first_name = serializers.CharField(max_length=150, allow_blank=True, required=False, default="")
    admin_last_name = serializers.CharField(max_length=150, allow_blank=True, required=False, default="")
    admin_email = serializers.EmailField(allow_blank=True, required=False, default="")
    current_password = serializers.CharField(
        write_only=True, style={"input_type": "password"}, help_text="The operator's own password, to confirm."
    )


class JurisdictionAdminOut(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    timezone = serializers.CharField()
    specialised_system = serializers.BooleanField(allow_null=True, source="oversight_profile.specialised_system")
    prevention_plan = serializers.BooleanField(allow_null=True, source="oversight_profile.prevention_plan")


class ExportJobSerializer(serializers.ModelSerializer[ExportJob]):
    jurisdiction = serializers.CharField(source="jurisdiction.code", read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "kind",
            "jurisdiction",
            "file_format",
            "query",
            "status",
            "progress",
            "filename",
            "size",
            "error",
            "created_at",
            "finished_at",
            "expires_at",
            "download_url",
        ]
        read_only_fields = fields

    def get_download_url(self, job: ExportJob) -> str | None:
        if job.status != ExportStatus.DONE:
            return None
        return f"/api/oversight/exports/{job.pk}/file/"
