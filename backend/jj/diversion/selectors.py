"""Diversion reads, scoped through the case scope; each referral carries whether its reader may see the
acknowledgement (DIV-2), decided in the query so a list costs no query per row."""

from django.db.models import BooleanField, ExpressionWrapper, QuerySet

from jj.accounts.models import User
from jj.cases.access import case_scope_q
from jj.cases.models import Case
from jj.diversion.access import acknowledgement_visible_q
from jj.diversion.models import DiversionReferral


def referral_list(*, user: User) -> QuerySet[DiversionReferral]:
    scoped = Case.objects.filter(case_scope_q(user), child__sealed_at__isnull=True).values("pk")  # REC-3: sealed
    return (
        DiversionReferral.objects.filter(case__in=scoped)
        .select_related("programme", "case")
        .annotate(
            acknowledgement_visible=ExpressionWrapper(acknowledgement_visible_q(user), output_field=BooleanField())
        )
    )
