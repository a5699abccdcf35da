"""Beat jobs: the worker's heartbeat, and the operators' e-mail when a readiness check stays red."""

from celery import shared_task

from . import health, services


@shared_task(name="ops.heartbeat")
def heartbeat() -> None:
    """Run by a worker: its last run is what /readyz reads."""
    services.heartbeat_record(name=health.WORKER)


@shared_task(name="ops.check_alerts")
def check_alerts() -> list[str]:
    return services.alerts_update(checks=health.checks_run())
