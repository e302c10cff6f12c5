"""Files attached to a child's record: court orders, assessments, consent forms. A document belongs to one child
and, optionally, to one of the child's cases or custody episodes; whoever may read that record may read its
documents, and nobody else (jj.documents.access)."""

import uuid

from django.conf import settings
from django.db import models

from jj.cases.models import Case
from jj.core.models import TimeStampedModel
from jj.custody.models import CustodyEpisode
from jj.people.models import Child


class DocumentType(models.TextChoices):
    COURT_ORDER = "court_order", "Court order"
    ASSESSMENT = "assessment", "Assessment"
    CONSENT_FORM = "consent_form", "Consent form"
    IDENTITY_DOCUMENT = "identity_document", "Identity document"
    REPORT = "report", "Report"
    OTHER = "other", "Other"


def document_storage_path(instance: "Document", filename: str) -> str:
    """A random name: what the uploader called the file (often a child's name) never reaches the storage's keys."""
    return f"documents/{uuid.uuid4().hex}"


class Document(TimeStampedModel):
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="documents")
    # Set for a case's and an episode's documents (an episode's is also its case's, for the scope).
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.PROTECT, related_name="documents")
    episode = models.ForeignKey(
        CustodyEpisode, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    document_type = models.CharField(max_length=32, choices=DocumentType.choices)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    # Sniffed from the bytes, never taken from the browser's claim or the file name.
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    file = models.FileField(upload_to=document_storage_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="uploaded_documents"
    )

    class Meta:
        indexes = [
            models.Index(fields=["child", "created_at"], name="document_child_created_idx"),
            models.Index(fields=["case", "created_at"], name="document_case_created_idx"),
            models.Index(fields=["episode", "created_at"], name="document_episode_created_idx"),
        ]

    def __str__(self) -> str:
        return f"Document {self.pk}"
