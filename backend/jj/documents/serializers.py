from typing import Any

from rest_framework import serializers

from jj.documents.models import Document, DocumentType


class DocumentOutputSerializer(serializers.ModelSerializer[Document]):
    uploaded_by = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "child",
            "case",
            "episode",
            "document_type",
            "original_name",
            "size",
            "content_type",
            "uploaded_by",
            "created_at",
        ]
        read_only_fields = fields

    def get_uploaded_by(self, document: Document) -> str | None:
        return document.uploaded_by.username if document.uploaded_by is not None else None


class DocumentUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
