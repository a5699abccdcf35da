import pytest
from celery import shared_task
from prometheus_client import REGISTRY

from ops.models import TaskFailure

pytestmark = pytest.mark.django_db


@shared_task(name="tests.ops.always_fails")
def always_fails() -> None:
    raise ValueError("ข้อมูลผิด / bad input")


def test_failed_task_counted_and_recorded_for_the_status_panel(client, central_user):
    before = REGISTRY.get_sample_value(
        "cdd4_celery_tasks_total", {"task": "tests.ops.always_fails", "outcome": "failure"}
    )
    result = always_fails.apply(throw=False)  # as a worker runs it: the error is the task's outcome, not raised
    assert result.state == "FAILURE"
    after = REGISTRY.get_sample_value(
        "cdd4_celery_tasks_total", {"task": "tests.ops.always_fails", "outcome": "failure"}
    )
    assert after == (before or 0) + 1
    failure = TaskFailure.objects.get()
    assert (failure.task, failure.error) == ("tests.ops.always_fails", "ValueError('ข้อมูลผิด / bad input')")
    client.force_login(central_user)
    assert 'id="failed-tasks">๑' in client.get("/ops/status/").content.decode()
