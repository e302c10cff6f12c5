"""Issue 11: a facility officer's release was saved, then answered 500, because the episode had left the officer's
scope (children held in their facility now) before the answer was built. Now 204: done, nothing more to show."""

from typing import Any

from jj.audit.models import AuditEvent
from jj.custody.models import CustodyEpisode, Facility
from jj.custody.tests.test_ptd_det_custody_api import facilities, start  # noqa: F401  (fixture)


def _held_in_centre(make_case: Any, client_for: Any, facilities: dict[str, Facility]) -> int:  # noqa: F811
    case = make_case(court=True)
    response = start(client_for("caseworker"), case, facilities["centre"], commitment_order_reference="CO-1")
    assert response.status_code == 201, response.json()
    episode_id: int = response.json()["id"]
    assert client_for("facility_officer").get(f"/api/custody-episodes/{episode_id}/").status_code == 200
    return episode_id


def test_facility_officer_release_is_answered_204(
    make_case: Any,
    client_for: Any,
    facilities: dict[str, Facility],  # noqa: F811
) -> None:
    episode_id = _held_in_centre(make_case, client_for, facilities)
    response = client_for("facility_officer").post(
        f"/api/custody-episodes/{episode_id}/release/",
        {"reason": "judicial_order", "aftercare": {"education": True}},
        format="json",
    )
    assert response.status_code == 204, response.content
    assert CustodyEpisode.objects.get(pk=episode_id).ended_at is not None
    assert AuditEvent.objects.filter(action="custody_episode.release", actor_username="facility_officer").exists()
