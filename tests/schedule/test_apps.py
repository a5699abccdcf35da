"""The schedule hears scoring through the hooks its AppConfig registers, scoring naming nothing of it: a recompute
has the rounds kept counted again once its standings are committed, and entrants leaving have every entrant's
rounds counted again."""

from schedule.models import RoundsKept
from scoring.hooks import entrants_left
from scoring.recompute import standings_refresh


def test_a_recompute_has_the_rounds_counted_once_its_standings_commit(rubric, django_capture_on_commit_callbacks):
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted
    with django_capture_on_commit_callbacks() as callbacks:
        standings_refresh(rubric_id=rubric.pk)
        assert not RoundsKept.objects.filter(rubric=rubric).exists()  # nothing counted before the commit
    assert [f"{c.func.__module__}.{c.func.__name__}" for c in callbacks] == ["schedule.tasks._rounds_keep_send"]
    callbacks[0]()
    assert RoundsKept.objects.get(rubric=rubric).counted_at is not None


def test_entrants_leaving_the_contest_have_every_entrant_s_rounds_counted_again(rubric):
    RoundsKept.objects.update_or_create(rubric=rubric, defaults={"windows": "counted with these windows"})
    entrants_left(rubric)
    assert RoundsKept.objects.get(rubric=rubric).windows == ""
