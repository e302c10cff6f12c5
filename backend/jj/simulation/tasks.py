from jj.core.tasks import background_task
from jj.simulation.services import simulation_run


@background_task("jj.simulation.run", lock=lambda simulation_id: str(simulation_id))
def run_simulation(simulation_id: int) -> str:
    """Compute a policy impact simulation (queued by services.simulation_request). Idempotent: a second delivery
    finds the simulation finished and leaves it; one run per simulation at a time (background_task)."""
    simulation = simulation_run(simulation_id=simulation_id)
    return simulation.status if simulation else "missing"
