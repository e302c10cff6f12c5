"""INV-5 and issue 15: a court appearance whose outcome is "released" releases the child, through the custody release
lifecycle, in the appearance's own transaction, and nothing refuses it (a release is a protective act: not PTD-6's
six months, not PTD-5, not an evidence hold). The custody page's record carries the appearances and the release."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jj.audit.models import AuditEvent
from jj.custody import services
from jj.custody.models import CustodyEpisode, Facility, JudicialAppearance, Release
from jj.custody.tests.test_inv_1_9_regressions import _order, _start


@pytest.fixture
def centre(world: Any) -> Facility:
    return services.facility_create(
        actor=world["administrator"],
        data={
            "name": "Northland youth centre",
            "kind": "juvenile_detention",
            "capacity": 20,
            "children_wholly_separated": True,
            "operator": world.yjs,
        },
        staff=[world["facility_officer"]],
    )


def _held_past_six_months(world: Any, make_case: Any, centre: Facility) -> CustodyEpisode:
    """A child held in pretrial detention for 200 days: continuing it is refused (PTD-6), releasing never is."""
    case = make_case(court=True)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    long_ago = timezone.now() - timedelta(days=200)
    CustodyEpisode.objects.filter(pk=episode.pk).update(
        started_at=long_ago, pretrial_detention_started_at=long_ago, first_appearance_at=long_ago
    )
    return CustodyEpisode.objects.get(pk=episode.pk)


def test_inv_5_a_released_outcome_releases_even_where_continued_detention_is_refused(
    world: Any, make_case: Any, centre: Facility, client_for: Any
) -> None:
    episode = _held_past_six_months(world, make_case, centre)
    at = timezone.now()
    response = client_for("court_officer").post(
        f"/api/custody-episodes/{episode.pk}/appearances/",
        {"kind": "review", "at": at.isoformat(), "authority": "Youth Court", "outcome": "released"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    episode.refresh_from_db()
    assert episode.ended_at is not None
    assert episode.end_reason == "released"
    release = Release.objects.get(episode=episode)
    assert release.reason == "judicial_order"
    assert release.recorded_by == world["court_officer"]
    assert AuditEvent.objects.filter(
        action="custody_episode.release", object_id=str(episode.pk), outcome="success"
    ).exists()
    shown = client_for("supervisor").get(f"/api/custody-episodes/{episode.pk}/").json()
    assert [a["outcome"] for a in shown["appearances"]] == ["released"]
    assert shown["release"]["reason"] == "judicial_order"
    assert shown["ended_at"] is not None


def test_inv_5_the_appearance_and_the_release_are_one_transaction(
    world: Any, make_case: Any, centre: Facility, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(court=True)
    episode = _start(world, case, centre)

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("the release failed half-way")

    monkeypatch.setattr(services, "episode_end", broken)
    with pytest.raises(RuntimeError):
        services.appearance_record(
            actor=world["court_officer"],
            episode=CustodyEpisode.objects.get(pk=episode.pk),
            kind="first_appearance",
            at=timezone.now(),
            authority="Youth Court",
            outcome="released",
        )
    # Neither the appearance nor half a release was written: the child is still recorded as held.
    assert not JudicialAppearance.objects.filter(episode=episode).exists()
    assert not Release.objects.filter(episode=episode).exists()
    assert CustodyEpisode.objects.get(pk=episode.pk).ended_at is None
    assert not AuditEvent.objects.filter(action="appearance.create").exists()


def test_inv_5_an_outcome_other_than_released_leaves_the_child_held(
    world: Any, make_case: Any, centre: Facility
) -> None:
    case = make_case(court=True)
    episode = _start(world, case, centre)
    _order(world, episode, timezone.now())
    services.appearance_record(
        actor=world["court_officer"],
        episode=CustodyEpisode.objects.get(pk=episode.pk),
        kind="first_appearance",
        at=timezone.now(),
        authority="Youth Court",
        outcome="detention_continued",
        justification="flight risk",
    )
    assert CustodyEpisode.objects.get(pk=episode.pk).ended_at is None
    assert not Release.objects.filter(episode=episode).exists()
