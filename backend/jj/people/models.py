from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from jj.accounts.models import Agency, Jurisdiction
from jj.core.models import VersionedModel
from jj.rules.text import msgid


class DobCertainty(models.TextChoices):
    DOCUMENTED = "documented", msgid("Documented (birth certificate or other document)")
    ESTIMATED = "estimated", msgid("Estimated (age range from an assessment)")
    UNKNOWN = "unknown", msgid("Unknown")
    # MACR-5 (RULES.md 7b): the age finding is contested; the benefit of the doubt applies while it is.
    DISPUTED = "disputed", msgid("Disputed (the youngest date of birth claimed counts)")


class AgeAssessmentMethod(models.TextChoices):
    NONE = "none", msgid("No assessment")
    DOCUMENTS = "documents", msgid("Documentary evidence")
    DEVELOPMENTAL = "developmental", msgid("Developmental assessment by specialists")
    MEDICAL_ONLY = "medical_only", msgid("Medical examination only (bone or dental)")


class Sex(models.TextChoices):
    FEMALE = "female", msgid("Female")
    MALE = "male", msgid("Male")
    OTHER = "other", msgid("Other")
    UNKNOWN = "unknown", msgid("Unknown")


class Child(VersionedModel):
    """A child in contact with the justice system. Identity and sensitive fields are withheld from roles
    that do not need them (jj.people.access.child_fields_for)."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.PROTECT, related_name="children")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="children")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="registered_children"
    )
    given_name = models.CharField(max_length=120)
    family_name = models.CharField(max_length=120, blank=True)
    other_names = models.CharField(max_length=240, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    dob_certainty = models.CharField(max_length=16, choices=DobCertainty.choices, default=DobCertainty.UNKNOWN)
    # For an estimated age: the range of plausible dates of birth from the assessment (earliest = oldest). For a
    # disputed age: the oldest and youngest dates of birth claimed.
    dob_earliest = models.DateField(null=True, blank=True)
    dob_latest = models.DateField(null=True, blank=True)
    age_assessment_method = models.CharField(
        max_length=16, choices=AgeAssessmentMethod.choices, default=AgeAssessmentMethod.NONE
    )
    sex = models.CharField(max_length=16, choices=Sex.choices, default=Sex.UNKNOWN)
    languages = models.CharField(max_length=200, blank=True)
    interpreter_needed = models.BooleanField(default=False)
    disability = models.TextField(blank=True)
    accommodation_needs = models.TextField(blank=True)
    health_notes = models.TextField(blank=True)
    developmental_disorder = models.BooleanField(default=False)
    pregnant = models.BooleanField(default=False, help_text="GIR-1: no restraint or separation (Bangkok Rules r. 22).")
    child_in_care = models.BooleanField(
        default=False, help_text="GIR-1: the child has a child of her or his own in her or his care."
    )
    armed_forces_association = models.BooleanField(
        default=False,
        help_text="CAF-1: associated with armed forces or armed groups; treated primarily as a victim.",
    )
    address = models.TextField(blank=True)
    nationality = models.CharField(max_length=100, blank=True)
    migration_status = models.CharField(max_length=100, blank=True)
    minority_status = models.CharField(max_length=100, blank=True)
    minority_status_consent = models.BooleanField(default=False)
    # A/RES/79/172 para 17: data that reveal discrimination, counted only with the consent of the child or guardian.
    # Nationality and migration status are recorded for consular and protection duties; the consent is to their use
    # in statistics. Disability is counted as "recorded or not", never by its description.
    migration_status_consent = models.BooleanField(
        default=False,
        help_text="Nationality and migration status may be counted in the oversight statistics.",
    )
    disability_consent = models.BooleanField(
        default=False, help_text="Whether a disability is recorded may be counted in the oversight statistics."
    )
    # REC-3 (jj.custody.records): sealed when the process ended for the child, removed (identity shredded) at the
    # removal age. A sealed child vanishes from every ordinary list, search, count and detail (people.access and
    # cases.access); a break-glass read with a stated reason still reaches the record.
    sealed_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "children"
        indexes = [
            models.Index(fields=["agency", "created_at"], name="child_agency_created_idx"),
            models.Index(fields=["family_name", "given_name"], name="child_name_idx"),
        ]

    def __str__(self) -> str:
        return f"Child {self.pk}"

    def clean(self) -> None:
        """Shape of the age evidence; the legal consequences of age are the rules engine's (MACR-2, MACR-5)."""
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.dob_certainty == DobCertainty.DOCUMENTED and self.date_of_birth is None:
            errors["date_of_birth"] = "Enter the date of birth shown on the document."
        if self.dob_certainty == DobCertainty.ESTIMATED:
            if self.dob_earliest is None:
                errors["dob_earliest"] = "Enter the earliest plausible date of birth from the age assessment."
            if self.dob_latest is None:
                errors["dob_latest"] = "Enter the latest plausible date of birth from the age assessment."
            if self.dob_earliest and self.dob_latest and self.dob_earliest > self.dob_latest:
                errors["dob_latest"] = "The latest plausible date of birth cannot be before the earliest."
        for name in ("date_of_birth", "dob_earliest", "dob_latest"):
            value = getattr(self, name)
            if value is not None and value > today and name not in errors:
                errors[name] = "A date of birth cannot be in the future."
        if self.minority_status and not self.minority_status_consent:
            errors["minority_status"] = (
                "Minority status may be recorded only with the consent of the child or guardian."
            )
        if errors:
            raise ValidationError(errors)


class Guardian(VersionedModel):
    """A parent, legal guardian or other appropriate adult for a child (DET-1 notifications go to them)."""

    class Relationship(models.TextChoices):
        MOTHER = "mother", msgid("Mother")
        FATHER = "father", msgid("Father")
        LEGAL_GUARDIAN = "legal_guardian", msgid("Legal guardian")
        RELATIVE = "relative", msgid("Other relative")
        APPROPRIATE_ADULT = "appropriate_adult", msgid("Other appropriate adult")

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="guardians")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=32, choices=Relationship.choices)
    phone = models.CharField(max_length=50, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"Guardian {self.pk} of child {self.child_id}"


class RecordContest(VersionedModel):
    """REC-1 rectification: the child, through counsel or a guardian, contests a fact or an opinion in the file
    (Havana Rules r. 19: "right to contest any fact or opinion"). The contest, the decision and any correction are
    kept with the record; a rejected contest stays in the file beside what it disputes."""

    class Subject(models.TextChoices):
        PERSONAL_DETAILS = "personal_details", "Personal details"
        AGE = "age", "Age or date of birth"
        OFFENCE = "offence", "Offence or facts of the case"
        CUSTODY = "custody", "Custody record"
        ASSESSMENT = "assessment", "Assessment or opinion"
        OTHER = "other", "Other"

    class RaisedBy(models.TextChoices):
        CHILD = "child", "The child"
        GUARDIAN = "guardian", "A parent or guardian"
        LEGAL_COUNSEL = "legal_counsel", "Legal counsel"

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting a decision"
        UPHELD = "upheld", "Upheld: the file was corrected"
        PARTLY_UPHELD = "partly_upheld", "Partly upheld"
        REJECTED = "rejected", "Rejected: the contest stays in the file"

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="record_contests")
    subject = models.CharField(max_length=24, choices=Subject.choices)
    # A field of the child's record this contest is about, when it is one (the decision may then correct it).
    field = models.CharField(max_length=40, blank=True)
    statement = models.TextField(help_text="What is contested and why, in the words of the person contesting.")
    raised_by = models.CharField(max_length=16, choices=RaisedBy.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decision_reason = models.TextField(blank=True)
    corrected_value = models.CharField(max_length=240, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["child", "created_at"], name="contest_child_created_idx")]

    def __str__(self) -> str:
        return f"Record contest {self.pk} on child {self.child_id}"
