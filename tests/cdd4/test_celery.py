"""Every process of the portal knows the tasks of the packages that are not apps (CELERY_IMPORTS), as the worker
does: the embedded default runs in its web process the tasks it queues (eager), and a task it does not know is
never run (scoring.coalesce logs it and goes on)."""

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
app.loader.import_default_modules()  # what the worker imports besides
imported = sorted(name for name, task in app.tasks.items() if task.__module__ in app.conf.imports)
print(json.dumps([started, imported]))
"""


def test_a_web_process_knows_the_tasks_of_the_packages_that_are_not_apps():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cdd4.settings"}
    done = subprocess.run([sys.executable, "-c", KNOWN], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    started, imported = json.loads(done.stdout.splitlines()[-1])
    assert "schedule.rounds_keep" in imported
    assert sorted(set(imported) - set(started)) == []
