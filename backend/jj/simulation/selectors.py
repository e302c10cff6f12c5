"""Reads of the simulation app: a jurisdiction's simulations, for its oversight monitors and administrators."""

from django.db.models import QuerySet

from jj.accounts.capabilities import can
from jj.accounts.models import User
from jj.oversight.access import own_jurisdiction
from jj.simulation.models import PolicySimulation


def simulations_for(*, user: User) -> QuerySet[PolicySimulation]:
    """Every simulation of the caller's jurisdiction (shared by its monitors and administrators, to compare them
    side by side); none for any other role."""
    own = own_jurisdiction(user)
    if not can(user, "simulation.run") or own is None:
        return PolicySimulation.objects.none()
    return PolicySimulation.objects.filter(jurisdiction=own).select_related("jurisdiction", "requested_by")


def simulation_get(*, user: User, pk: int) -> PolicySimulation | None:
    return simulations_for(user=user).filter(pk=pk).first()
