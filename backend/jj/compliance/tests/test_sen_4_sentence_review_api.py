"""SEN-4 through the API: the review of a custodial sentence for early release meets the review deadline and, when
the sentence continues, the rule opens the next one; a role that does not record court decisions writes nothing."""

from datetime import timedelta
from typing import Any

import pytest

from conftest import HEARD
from jj.audit.models import AuditEvent
from jj.cases.models import Case, CaseEvent, Sentence
from jj.compliance.models import DecisionRecord
from jj.deadlines.models import Deadline

OPTIONS = [{"option": "probation", "reason_rejected": "Breached twice in 2025"}]
REVIEW = {"outcome": "continued", "authority": "Youth court", "reasons": "Progress in education; risks remain"}


def sentenced(client: Any, case: Case, sentence_type: str = "custody") -> int:
    response = client.post(
        f"/api/cases/{case.pk}/sentences/",
        {
            **HEARD,
            "sentence_type": sentence_type,
            "length_months": 12,
            "justification": "Serious violence; community options exhausted",
            "non_custodial_options_considered": OPTIONS,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    return int(response.json()["id"])


def review(client: Any, case: Case, _sentence_id: int, **body: Any) -> Any:
    return client.post(f"/api/cases/{case.pk}/sentence-reviews/", {**REVIEW, **body}, format="json")


def test_sen_4_review_meets_the_deadline_and_the_rule_opens_the_next(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    court = client_for("court_officer")
    sentence_id = sentenced(court, case)
    first = Deadline.objects.get(case=case, kind="sentence_review")
    response = review(court, case, sentence_id)
    assert response.status_code == 201, response.json()
    first.refresh_from_db()
    assert first.resolution == "met"
    assert first.met_at is not None
    following = Deadline.objects.get(case=case, kind="sentence_review", met_at__isnull=True)
    assert following.rule_id == "SEN-4"
    assert following.due_at - first.met_at >= timedelta(days=28 * 6)  # the policy's interval, from this review
    assert DecisionRecord.objects.filter(trigger="sentence_review", rule_id="SEN-4", object_id=sentence_id).exists()
    assert CaseEvent.objects.filter(case=case, kind="sentence.review").count() == 1
    event = AuditEvent.objects.get(action="sentence.review", outcome="success")
    assert event.object_id == str(sentence_id)


def test_sen_4_early_release_ends_the_series(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    court = client_for("court_officer")
    sentence_id = sentenced(court, case)
    assert review(court, case, sentence_id, outcome="early_release").status_code == 201
    assert not Deadline.objects.filter(case=case, kind="sentence_review", met_at__isnull=True).exists()


@pytest.mark.parametrize("role", ["legal_counsel"])
def test_sen_4_a_role_that_does_not_record_court_decisions_writes_nothing(
    make_case: Any, client_for: Any, role: str
) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    sentence_id = sentenced(client_for("court_officer"), case)
    response = review(client_for(role), case, sentence_id)
    assert response.status_code in (403, 404)
    assert Deadline.objects.get(case=case, kind="sentence_review").met_at is None
    assert not CaseEvent.objects.filter(kind="sentence.review").exists()
    assert not DecisionRecord.objects.filter(trigger="sentence_review").exists()
    assert not AuditEvent.objects.filter(action="sentence.review", outcome="success").exists()


def test_sen_4_a_non_custodial_sentence_is_not_reviewed(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    court = client_for("court_officer")
    sentence_id = sentenced(court, case, sentence_type="probation")
    response = review(court, case, sentence_id)
    assert response.status_code == 400
    assert "sentence" in response.json()
    assert not CaseEvent.objects.filter(kind="sentence.review").exists()
    assert Sentence.objects.filter(pk=sentence_id).exists()


def test_sen_4_a_case_not_sentenced_is_404(make_case: Any, client_for: Any) -> None:
    case = make_case(counsel=True, court=True, charged=True)
    assert review(client_for("court_officer"), case, 0).status_code == 404
    assert not CaseEvent.objects.filter(kind="sentence.review").exists()
