"""Every process of the portal knows every task the worker runs: the embedded default runs in its web process
the tasks it queues (eager), and a task it does not know is never run (scoring.coalesce logs it and goes on)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KNOWN = """
import django, json
django.setup()
from cdd4.celery import app
started = sorted(app.tasks)  # as a web process knows them, once Django has started
app.loader.import_default_modules()  # what the worker imports besides (CELERY_IMPORTS)
print(json.dumps([started, sorted(app.tasks)]))
"""


def test_a_web_process_knows_every_task_the_worker_knows():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cdd4.settings"}
    done = subprocess.run([sys.executable, "-c", KNOWN], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    started, worker = json.loads(done.stdout.splitlines()[-1])
    assert "schedule.rounds_keep" in worker
    assert started == worker
