"""Every process of the portal knows the tasks it queues once Django has started, as the worker does: the embedded
default runs the tasks it queues in its web process (eager), and a task queued by name that it does not know is
never run (the schedule's rounds' count, queued as it hears scoring's recompute; scoring's own)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
KNOWN = """
import django, json
django.setup()
from cdd4.celery import app
started = sorted(app.tasks)  # as a web process knows them, once Django has started
app.loader.import_default_modules()  # what the worker imports besides (every app's tasks module)
print(json.dumps([started, sorted(app.tasks)]))
"""
QUEUED = {"schedule.rounds_keep", "schedule.send_reminders", "scoring.recompute", "scoring.explain"}


def test_a_web_process_knows_the_tasks_it_queues_as_the_worker_does():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cdd4.settings"}
    done = subprocess.run([sys.executable, "-c", KNOWN], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    started, worker = json.loads(done.stdout.splitlines()[-1])
    assert sorted(QUEUED - set(started)) == []
    assert sorted(QUEUED - set(worker)) == []
