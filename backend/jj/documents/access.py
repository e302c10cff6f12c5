"""Who may see a document: exactly who may read the record it is attached to (the child's, the case's or the
custody episode's scope, jj.people.access, jj.cases.access, jj.custody.access). A sealed child's documents are in no
ordinary scope, as the child is not; a removed child's are deleted with the identity (services)."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from jj.accounts.capabilities import roles_for
from jj.accounts.models import User
from jj.audit.services import audit_denied
from jj.cases.access import case_get_for_user
from jj.custody.access import episode_get_for_user
from jj.documents.models import Document
from jj.people.access import child_get_for_user

# Everyone who works on a child's record may attach to it (within the record's write scope, never through a
# read-only share); oversight and administrators see no record, so attach nothing.
UPLOADER_ROLES = roles_for("document.attach")
DELETER_ROLES = roles_for("document.delete")
NOT_AN_UPLOADER = "Your role cannot attach documents to a child's record."
NOT_A_DELETER = "Only a supervisor can delete a document."

CHILD, CASE, EPISODE = "child", "case", "custody_episode"


@dataclass(frozen=True)
class Record:
    """The record a document is attached to, once the caller's access to it was checked."""

    kind: str
    child_id: int
    case_id: int | None = None
    episode_id: int | None = None

    def documents(self) -> QuerySet[Document]:
        if self.kind == EPISODE and self.episode_id is not None:
            return Document.objects.filter(episode_id=self.episode_id)
        if self.kind == CASE and self.case_id is not None:
            return Document.objects.filter(case_id=self.case_id, episode__isnull=True)
        return Document.objects.filter(child_id=self.child_id, case__isnull=True, episode__isnull=True)


def record_get_for_user(*, user: User, kind: str, record_id: int, action: str) -> Record:
    """The record, checked with its own getter (404 outside the scope, 403 for a write through a share; audited)."""
    if kind == EPISODE:
        episode = episode_get_for_user(user=user, episode_id=record_id, action=action)
        return Record(EPISODE, child_id=episode.child_id, case_id=episode.case_id, episode_id=episode.pk)
    if kind == CASE:
        case = case_get_for_user(user=user, case_id=record_id, action=action)
        return Record(CASE, child_id=case.child_id, case_id=case.pk)
    child = child_get_for_user(user=user, child_id=record_id, action=action)
    return Record(CHILD, child_id=child.pk)


def document_record(document: Document) -> tuple[str, int]:
    if document.episode_id is not None:
        return EPISODE, document.episode_id
    if document.case_id is not None:
        return CASE, document.case_id
    return CHILD, document.child_id


def document_get_for_user(*, user: User, document_id: int, action: str) -> tuple[Document, Record]:
    """The document, if the caller may do `action` to the record it is attached to. A document that does not
    exist answers as one outside the scope does (404, audited)."""
    document = Document.objects.filter(pk=document_id, child__removed_at__isnull=True).first()
    if document is None:
        audit_denied(actor=user, action=action, object_type="document", object_id=document_id, reason="not found")
        raise Http404
    kind, record_id = document_record(document)
    return document, record_get_for_user(user=user, kind=kind, record_id=record_id, action=action)
