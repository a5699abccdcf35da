"""What a process keeps between requests drops its least recently used entry first, never one just read."""

from core.process_cache import Kept


def test_a_full_store_drops_the_entry_least_recently_used_and_keeps_the_one_just_read():
    made = []
    kept: Kept[str] = Kept(size=3)

    def make(key):
        return lambda: made.append(key) or f"value {key}"

    for key in ("a", "b", "c"):
        kept.get(key, make(key))
    assert kept.get("a", make("a")) == "value a"  # read: now the most recent
    kept.get("d", make("d"))  # full: "b", the least recently used, goes

    assert kept.get("a", make("a")) == "value a"
    assert kept.get("c", make("c")) == "value c"
    assert kept.get("b", make("b")) == "value b"
    assert made == ["a", "b", "c", "d", "b"]
    assert len(kept) == 3


def test_fresh_makes_the_entry_again():
    kept: Kept[int] = Kept()
    assert kept.get("k", lambda: 1) == 1
    assert kept.get("k", lambda: 2) == 1
    assert kept.get("k", lambda: 3, fresh=True) == 3
    assert kept.get("k", lambda: 4) == 3
