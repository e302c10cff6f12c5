"""Writes of the simulation app: asking for a policy impact simulation (audited) and running it in the background
(the `jj.simulation.run` task). The only writer of a simulation's status, progress and result."""

import logging
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from jj.accounts.capabilities import can
from jj.accounts.models import Jurisdiction, User
from jj.audit.services import audit_append, audit_denied
from jj.compliance.selectors import policy_for
from jj.core.exceptions import ActionNotAllowed, ApplicationError
from jj.oversight.access import own_jurisdiction
from jj.oversight.selectors import suppression_threshold_for
from jj.rules.policy import PARAMETERS, Policy
from jj.simulation.models import PolicySimulation, SimulationStatus
from jj.simulation.replay import publish, replay_period

log = logging.getLogger(__name__)

MAX_ACTIVE = 3  # queued or running simulations per person
MAX_PERIOD_DAYS = 3 * 366
NOT_ALLOWED = "Only oversight monitors and administrators of the jurisdiction can simulate a policy."


def proposed_policy(current: Policy, parameters: dict[str, Any]) -> Policy:
    """The policy in force with the proposed parameters applied (lists as tuples, as the policy stores them)."""
    known = {k: tuple(v) if isinstance(v, list) else v for k, v in parameters.items() if k in PARAMETERS}
    return current.with_values(known)


def period_bounds(jurisdiction: Jurisdiction, period_from: date, period_to: date) -> tuple[datetime, datetime]:
    """[start, end): midnight of the first day to midnight after the last, in the jurisdiction's time zone."""
    zone = ZoneInfo(jurisdiction.timezone)
    start = datetime.combine(period_from, time.min, tzinfo=zone)
    end = datetime.combine(period_to + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def simulation_request(
    *, actor: User, jurisdiction: Jurisdiction, parameters: dict[str, Any], period_from: date, period_to: date
) -> PolicySimulation:
    """Queue a simulation of `parameters` (the proposed policy's departures) over [period_from, period_to]. Only
    an oversight monitor or administrator of the jurisdiction may ask (nothing is written otherwise; the refusal is
    audited). The request is audited; the run is audited when it finishes."""
    if not can(actor, "simulation.run"):
        audit_denied(actor=actor, action="simulation.request", object_type="jurisdiction", object_id=jurisdiction.code)
        raise ActionNotAllowed(NOT_ALLOWED)
    own = own_jurisdiction(actor)
    if own is None or own.pk != jurisdiction.pk:
        audit_denied(actor=actor, action="simulation.request", object_type="jurisdiction", object_id=jurisdiction.code)
        raise ActionNotAllowed(NOT_ALLOWED)
    unknown = sorted(set(parameters) - set(PARAMETERS))
    if unknown:
        raise ApplicationError(f"Unknown parameter(s): {', '.join(unknown)}.", extra={"parameters": unknown})
    if period_to < period_from:
        raise ApplicationError("The period ends before it starts.", extra={"period_to": ["Before the start."]})
    if (period_to - period_from).days > MAX_PERIOD_DAYS:
        raise ApplicationError("At most three years at a time.", extra={"period_to": ["At most three years."]})
    current = policy_for(jurisdiction.pk)
    proposed = proposed_policy(current, parameters)
    if proposed == current:
        raise ApplicationError(
            "The proposed policy is the policy in force: change at least one parameter.",
            extra={"parameters": ["Change at least one parameter."]},
        )
    with transaction.atomic():
        active = PolicySimulation.objects.filter(
            requested_by=actor, status__in=[SimulationStatus.QUEUED, SimulationStatus.RUNNING]
        ).count()
        if active >= MAX_ACTIVE:
            raise ApplicationError(f"You already have {active} simulations under way: wait for one to finish.")
        simulation = PolicySimulation.objects.create(
            jurisdiction=jurisdiction,
            requested_by=actor,
            parameters=parameters,
            period_from=period_from,
            period_to=period_to,
        )
        audit_append(
            actor=actor,
            action="simulation.request",
            object_type="simulation",
            object_id=simulation.pk,
            changes={
                "jurisdiction": jurisdiction.code,
                "parameters": parameters,
                "period": [period_from.isoformat(), period_to.isoformat()],
            },
        )
        simulation_id = simulation.pk
        transaction.on_commit(lambda: _enqueue(simulation_id))
    return simulation


def _enqueue(simulation_id: int) -> None:
    from jj.simulation.tasks import run_simulation

    run_simulation.delay(simulation_id)


def _progress(simulation_id: int, progress: int) -> None:
    PolicySimulation.objects.filter(pk=simulation_id, status=SimulationStatus.RUNNING).update(
        progress=progress, updated_at=timezone.now()
    )


def simulation_run(*, simulation_id: int) -> PolicySimulation | None:
    """Replay the period under the proposed policy and store the published (suppressed) result. Idempotent: a
    simulation already finished (a second delivery of the task) is left as it is; one left running by a worker
    that died is started again."""
    with transaction.atomic():
        simulation = (
            PolicySimulation.objects.select_for_update().select_related("jurisdiction").filter(pk=simulation_id).first()
        )
        if simulation is None or simulation.status not in (SimulationStatus.QUEUED, SimulationStatus.RUNNING):
            return simulation
        simulation.status, simulation.progress = SimulationStatus.RUNNING, 0
        simulation.save(update_fields=["status", "progress", "updated_at"])
    jurisdiction = simulation.jurisdiction
    try:
        current = policy_for(jurisdiction.pk)
        proposed = proposed_policy(current, simulation.parameters)
        start, end = period_bounds(jurisdiction, simulation.period_from, simulation.period_to)
        raw = replay_period(
            jurisdiction_id=jurisdiction.pk,
            current=current,
            proposed=proposed,
            start=start,
            end=end,
            now=timezone.now(),
            progress=lambda done: _progress(simulation_id, done),
        )
        result = publish(
            raw,
            current=current,
            proposed=proposed,
            threshold=suppression_threshold_for(jurisdiction=jurisdiction),
            start=start,
            end=end,
        )
    except (OperationalError, InterfaceError):
        raise  # retried by the task
    except Exception:
        log.exception("simulation %s failed", simulation_id)
        PolicySimulation.objects.filter(pk=simulation_id).update(
            status=SimulationStatus.FAILED,
            error="The simulation could not be computed. Try again, or ask an administrator to look at the logs.",
            finished_at=timezone.now(),
        )
        simulation.refresh_from_db()
        return simulation
    with transaction.atomic():
        locked = PolicySimulation.objects.select_for_update().get(pk=simulation_id)
        if locked.status != SimulationStatus.RUNNING:
            return locked
        locked.result = result
        locked.coverage = result["coverage"]["share"]
        locked.status, locked.progress = SimulationStatus.DONE, 100
        locked.finished_at = timezone.now()
        locked.save()
        audit_append(
            actor=locked.requested_by,
            action="simulation.run",
            object_type="simulation",
            object_id=locked.pk,
            changes={"acts": result["coverage"]["acts"], "replayable": result["coverage"]["replayable"]},
        )
    return locked
