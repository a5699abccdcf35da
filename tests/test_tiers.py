"""The folder is the tier (tests/conftest.py, docs/testing.md): what sends a test to a tier folder, and which `-m`
lets `make check` leave the folders' modules unimported."""

import subprocess

import pytest

from tests.conftest import _markexpr_may_take_full, reaches, tier_folder
from tests.scale.contest import grow


def _reads_a_pdf(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True).stdout


def _calls_a_helper_that_reads_a_pdf():
    return _reads_a_pdf("x.pdf")


def _grows_the_contest(scaled):
    return grow(scaled)


def _renders_a_page(client):
    return client.get("/")


@pytest.mark.parametrize(
    "func, folder",
    [
        (_reads_a_pdf, "tests/processes/"),
        (_calls_a_helper_that_reads_a_pdf, "tests/processes/"),
        (_grows_the_contest, "tests/scale/"),
        (_renders_a_page, None),
    ],
)
def test_a_test_s_code_followed_through_its_helpers_names_its_folder(func, folder):
    assert reaches(func) == folder


@pytest.mark.parametrize(
    "markexpr, collected",
    [
        ("not full", False),  # make check
        ("not full and pg", False),
        ("not service and not walk", True),  # pyproject.toml's default
        ("pg or service", True),  # make test-services: the scale guards are pg
        ("full", True),
        ("walk", True),  # make a11y
        ("browser and not service and not walk", True),  # make screenshots
        ("", True),
    ],
)
def test_the_tier_folders_are_collected_unless_m_leaves_every_full_test_out(markexpr, collected):
    assert _markexpr_may_take_full(markexpr) is collected


@pytest.mark.parametrize(
    "nodeid, folder",
    [
        ("tests/processes/awards/test_documents_read.py::test_x", "tests/processes/"),
        ("tests/services/test_rehearsal.py::test_x", "tests/services/"),
        ("tests/awards/test_documents.py::test_x", None),
        ("tests/scale.py::test_x", None),
    ],
)
def test_a_test_s_tier_folder_is_where_its_path_starts(nodeid, folder):
    assert tier_folder(nodeid) == folder
