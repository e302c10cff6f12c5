from django.db.models import QuerySet

from jj.accounts.models import User
from jj.documents.access import Record, record_get_for_user
from jj.documents.models import Document


def document_list(*, user: User, kind: str, record_id: int) -> tuple[Record, QuerySet[Document]]:
    """The documents attached to one record, if the caller may read it (404 otherwise, audited)."""
    record = record_get_for_user(user=user, kind=kind, record_id=record_id, action="document.list")
    return record, record.documents().select_related("uploaded_by").order_by("-created_at", "-id")
