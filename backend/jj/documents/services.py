"""Attaching, deleting and removing documents. The file goes through Django's storage API (STORAGES['default']:
local files by default, S3-compatible storage through django-storages in production, docs/deployment.md); the
original file name is kept for the download but reaches the audit trail only encrypted under the child's key."""

import hashlib
from typing import IO

from django.conf import settings
from django.core.files.base import File
from django.db import transaction

from jj.accounts.capabilities import require
from jj.accounts.models import User
from jj.audit.services import audit_append
from jj.audit.shredding import Identifying
from jj.core.exceptions import ApplicationError
from jj.custody.evidence import episode_records_edit_check
from jj.documents import sniffing
from jj.documents.access import (
    EPISODE,
    NOT_A_DELETER,
    NOT_AN_UPLOADER,
    Record,
)
from jj.documents.models import Document, DocumentType
from jj.people.models import Child

NOT_ALLOWED_TYPE = "Only PDF, PNG, JPEG, DOCX and ODT files can be attached; this file's content is none of them."
NAME_MISMATCH = "The file's name does not match what it contains: a {kind} file must be named .{ext}."
EMPTY = "The file is empty."


def max_bytes() -> int:
    return int(settings.DOCUMENT_MAX_BYTES)


def _checked(stream: IO[bytes], *, name: str, size: int) -> str:
    """The sniffed content type of an acceptable file; otherwise 400 with the reason, before anything is written."""
    if size <= 0:
        raise ApplicationError(EMPTY, extra={"file": [EMPTY]})
    if size > max_bytes():
        message = f"The file is larger than the {max_bytes() // (1024 * 1024)} MB allowed."
        raise ApplicationError(message, extra={"file": [message]})
    content_type = sniffing.sniff(stream)
    if content_type is None:
        raise ApplicationError(NOT_ALLOWED_TYPE, extra={"file": [NOT_ALLOWED_TYPE]})
    if not sniffing.name_matches(name, content_type):
        ext = sorted(sniffing.EXTENSIONS[content_type])[0]
        message = NAME_MISMATCH.format(kind=ext.upper(), ext=ext)
        raise ApplicationError(message, extra={"file": [message]})
    return content_type


def _sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(64 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def document_upload(*, actor: User, record: Record, upload: File, document_type: str) -> Document:  # type: ignore[type-arg]
    require(actor, "document.attach", NOT_AN_UPLOADER)
    if document_type not in DocumentType.values:
        raise ApplicationError("Choose the document's type.", extra={"document_type": ["Choose a valid type."]})
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:255]
    size = int(upload.size or 0)
    content_type = _checked(upload, name=name, size=size)  # type: ignore[arg-type]
    sha256 = _sha256(upload)  # type: ignore[arg-type]
    with transaction.atomic():
        document = Document(
            child_id=record.child_id,
            case_id=record.case_id,
            episode_id=record.episode_id,
            document_type=document_type,
            original_name=name,
            size=size,
            content_type=content_type,
            sha256=sha256,
            uploaded_by=actor,
        )
        document.file.save(name, upload, save=False)
        stored = document.file.name
        try:  # a write refused after the file was stored leaves no file behind
            document.save()
            audit_append(
                actor=actor,
                action="document.create",
                object_type="document",
                object_id=document.pk,
                child_id=record.child_id,
                changes={
                    "attached_to": {"before": "", "after": f"{record.kind} {_record_id(record)}"},
                    "document_type": {"before": "", "after": document_type},
                    "original_name": {"before": "", "after": Identifying(name)},
                    "size": {"before": "", "after": size},
                    "content_type": {"before": "", "after": content_type},
                    "sha256": {"before": "", "after": sha256},
                },
            )
        except BaseException:
            document.file.storage.delete(stored)
            raise
    return document


def _record_id(record: Record) -> int:
    if record.kind == EPISODE and record.episode_id is not None:
        return record.episode_id
    return record.case_id if record.case_id is not None else record.child_id


def _delete_files_on_commit(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    def _delete() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(_delete)


def document_delete(*, actor: User, document: Document, record: Record) -> None:
    require(actor, "document.delete", NOT_A_DELETER)
    if document.episode_id is not None:
        # An episode's documents are among its records: held as evidence after a death or serious injury (DTH-1).
        episode_records_edit_check(
            actor=actor,
            episode_id=document.episode_id,
            action="document.delete",
            object_type="document",
            object_id=document.pk,
            child_id=document.child_id,
        )
    with transaction.atomic():
        name = document.file.name
        pk = document.pk
        Document.objects.filter(pk=pk).delete()
        audit_append(
            actor=actor,
            action="document.delete",
            object_type="document",
            object_id=pk,
            child_id=record.child_id,
            changes={"document_type": {"before": document.document_type, "after": ""}},
        )
        _delete_files_on_commit([name])


def documents_remove_for_child(child: Child) -> None:
    """REC-3 removal (cases.records.child_identity_shred): every document of the child goes with the identity,
    rows now and files once the removal commits."""
    names = list(Document.objects.filter(child_id=child.pk).values_list("file", flat=True))
    if not names:
        return
    Document.objects.filter(child_id=child.pk).delete()
    _delete_files_on_commit(names)
