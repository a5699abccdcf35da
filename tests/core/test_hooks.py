from committee.selectors import judged_points, unit_page_clarifications
from contests.hooks import in_stages
from core.hooks import Hook
from notices.hooks import picks_for
from scoring.hooks import score_sources, submitted_sources
from stages import rights
from submissions.hooks import unit_page
from submissions.selectors import evidence_pairs


def test_hook_calls_each_registered_function_in_order_with_the_same_arguments():
    hook = Hook("test")
    hook.register(lambda a, *, b: ("first", a, b))
    hook.register(lambda a, *, b: ("second", a, b))
    assert hook(1, b=2) == [("first", 1, 2), ("second", 1, 2)]


def test_registering_the_same_function_twice_calls_it_once():
    hook = Hook("test")

    def source():
        return "once"

    assert hook.register(source) is source  # usable as a decorator
    hook.register(source)
    assert hook() == ["once"]


def test_a_hook_nobody_registered_with_answers_nothing():
    assert Hook("empty")() == []


def test_the_apps_register_into_the_lower_layers_hooks():
    assert score_sources._functions == [judged_points]
    assert submitted_sources._functions == [evidence_pairs]
    assert unit_page._functions == [unit_page_clarifications]


def test_stages_answers_the_lock_and_the_notices_who_picks():
    assert in_stages._functions == [rights.in_stages]
    assert picks_for._functions == [rights.picks_for]
