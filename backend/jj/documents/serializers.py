from rest_framework import serializers

from jj.documents.models import Document, DocumentType


class DocumentOutputSerializer(serializers.ModelSerializer[Document]):
    uploaded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

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


class DocumentUploadSerializer(serializers.Serializer[None]):
    file = serializers.FileField(allow_empty_file=True, use_url=False)
    document_type = serializers.ChoiceField(choices=DocumentType.choices)
