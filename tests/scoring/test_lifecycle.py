"""The contest lifecycle on its own: states from what is stored, the allowed actions, and what a
document stands on. No database."""

from datetime import UTC, date, datetime, timedelta

import pytest

from scoring.lifecycle import (
    TRANSITIONS,
    Action,
    DocumentBasis,
    Refused,
    State,
    basis_of,
    check,
    results_after,
    state_of,
)

TODAY = date(2023, 6, 1)


def stored(**given) -> State:
    return state_of(
        **{"contest_state": "open", "ends_on": TODAY, "today": TODAY, "frozen": False, "published": False} | given
    )


def test_the_state_is_read_from_what_is_stored():
    assert stored() == State.OPEN
    assert stored(ends_on=TODAY - timedelta(days=1)) == State.CLOSED
    assert stored(frozen=True, last_word="freeze") == State.FROZEN
    assert stored(frozen=True, published=True, last_word="publish") == State.PUBLISHED
    assert stored(frozen=True, last_word="withdraw") == State.WITHDRAWN
    assert stored(frozen=True) == State.FROZEN  # a snapshot from before the audit trail


def test_a_draft_stays_a_draft_whatever_else_is_stored():
    assert stored(contest_state="draft", frozen=True, published=True) == State.DRAFT


@pytest.mark.parametrize(
    ("state", "allowed"),
    [
        (State.DRAFT, {Action.OPEN, Action.CHANGE}),
        (State.OPEN, {Action.REMIND, Action.SUBMIT, Action.CHANGE, Action.FREEZE, Action.SETTLE}),
        (State.CLOSED, {Action.SUBMIT, Action.CHANGE, Action.FREEZE, Action.SETTLE}),
        (State.FROZEN, {Action.FREEZE, Action.UNFREEZE, Action.PUBLISH, Action.ISSUE, Action.SETTLE}),
        (State.PUBLISHED, {Action.PUBLISH, Action.WITHDRAW, Action.ISSUE, Action.CORRECT}),
        (State.WITHDRAWN, {Action.PUBLISH, Action.UNFREEZE}),
    ],
)
def test_each_state_allows_exactly_these_actions(state, allowed):
    assert set(TRANSITIONS[state]) == allowed
    for action in set(Action) - allowed:
        with pytest.raises(Refused) as exc:
            check(state, action)
        assert exc.value.status == 409


def test_the_transitions_lead_where_the_diagram_says():
    assert check(State.DRAFT, Action.OPEN) == State.OPEN
    assert check(State.CLOSED, Action.FREEZE) == State.FROZEN
    assert check(State.FROZEN, Action.PUBLISH) == State.PUBLISHED
    assert check(State.PUBLISHED, Action.WITHDRAW) == State.WITHDRAWN
    assert check(State.WITHDRAWN, Action.PUBLISH) == State.PUBLISHED
    assert check(State.WITHDRAWN, Action.UNFREEZE) == State.OPEN


def test_a_draft_is_neither_frozen_published_nor_reminded_thai_first():
    for action in (Action.FREEZE, Action.PUBLISH, Action.REMIND, Action.ISSUE):
        with pytest.raises(Refused) as exc:
            check(State.DRAFT, action)
    assert str(exc.value) == ("ออกเอกสารฉบับจริงไม่ได้: การประกวดนี้ยังเป็นร่าง ยังไม่เปิด")


def test_withdrawn_results_issue_nothing_final():
    with pytest.raises(Refused):
        check(State.WITHDRAWN, Action.ISSUE)


def test_results_replay_their_freeze_actions():
    assert results_after([]) is None
    assert results_after(["freeze", "publish", "withdraw"]) == State.WITHDRAWN
    assert results_after(["freeze", "publish", "withdraw", "unfreeze"]) is None
    assert results_after(["freeze", "publish", "withdraw", "publish"]) == State.PUBLISHED


def at(minute: int) -> datetime:
    return datetime(2023, 6, 1, 9, minute, tzinfo=UTC)


def test_a_document_made_while_results_are_open_was_never_final():
    assert basis_of([], at(5)) == DocumentBasis(frozen=False)
    assert basis_of([("freeze", at(1)), ("unfreeze", at(2))], at(5)) == DocumentBasis(frozen=False)
    assert basis_of([("freeze", at(9))], at(5)) == DocumentBasis(frozen=False)


def test_every_document_of_withdrawn_results_is_withdrawn_even_one_made_after():
    events = [("freeze", at(1)), ("publish", at(2)), ("withdraw", at(3))]
    assert basis_of(events, at(1)) == DocumentBasis(frozen=True, withdrawn_at=at(3))
    assert basis_of(events, at(2)) == DocumentBasis(frozen=True, withdrawn_at=at(3))
    assert basis_of(events, at(4)) == DocumentBasis(frozen=True, withdrawn_at=at(3))


def test_published_again_the_same_results_stand_again():
    events = [("freeze", at(1)), ("publish", at(2)), ("withdraw", at(3)), ("publish", at(4))]
    assert basis_of(events, at(2)) == DocumentBasis(frozen=True)
    assert basis_of(events, at(3)) == DocumentBasis(frozen=True)


def test_new_results_do_not_speak_for_old_documents():
    # Withdrawn, unfrozen, corrected, frozen and published again: the first results stay withdrawn.
    events = [("freeze", at(1)), ("publish", at(2)), ("withdraw", at(3)), ("unfreeze", at(4))]
    events += [("freeze", at(5)), ("publish", at(6))]
    assert basis_of(events, at(2)) == DocumentBasis(frozen=True, withdrawn_at=at(3))
    assert basis_of(events, at(7)) == DocumentBasis(frozen=True)


def test_a_correction_leaves_the_published_results_standing_and_their_documents_issued():
    events = [("freeze", at(1)), ("publish", at(2)), ("correct", at(3))]
    assert results_after(a for a, _ in events) == State.PUBLISHED
    assert basis_of(events, at(2)) == DocumentBasis(frozen=True)
    assert basis_of(events, at(4)) == DocumentBasis(frozen=True)
    assert check(State.PUBLISHED, Action.CORRECT) == State.PUBLISHED
    with pytest.raises(Refused):  # frozen, not published: unfreeze and rescore instead
        check(State.FROZEN, Action.CORRECT)
