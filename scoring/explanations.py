"""The explanations of the stored points, built when they are read.

A recompute stores points and places only, and marks each rescored entrant's explanations as not its points'
own (`Standing.explained`): ranking 7,255 subdistricts must not wait for 145,100 Thai and English texts nobody
reads then. They are built from the same facts, judgments and rules as the points (`engine.Scorer.explain_many`,
the scores `engine.evaluate_entrant` gives, so the text is the one the points came with): by the pass that
follows a recompute (`explanations_build`, the
`scoring.explain` task), or, for whatever it has not reached yet, where they are read (`filled`: one entrant's
page, its PDF breakdown, the standings and exports).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from core.bulk import update_values
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar, rubric_spec
from rulebook import engine
from scoring import selectors
from scoring.models import Standing
from scoring.ranking import written_once_free
from scoring.recompute import merged_scores, no_cyclic_gc

Texts = dict[str, dict[str, str]]  # criterion code → {"th": …, "en": …}, as Standing.explanations


def explanations_of(rubric: ContestPeriod, units: dict[int, str]) -> dict[int, Texts]:
    """unit id → its explanations, for these units (id → size group), from their current facts and judgments."""
    if not units:
        return {}
    ids = list(units)
    facts = selectors.facts_by_unit(rubric, ids)
    judged = merged_scores(rubric, ids)
    # A criterion at a time, as the recompute scores them: entrants with the same facts share one Score (its
    # text rendered once), and a rule's common case is read without its plain parsing (`Rule.column_scores`).
    scorer = engine.Scorer(rubric_spec(rubric), rubric_calendar(rubric), timezone.localdate())
    scores = scorer.explain_many([(facts.get(unit, {}), size, judged.get(unit, {})) for unit, size in units.items()])
    return {
        unit: {code: {"th": s.th, "en": s.en} for code, s in mine.items()}
        for unit, mine in zip(units, scores, strict=True)
    }


def filled(rubric: ContestPeriod, stored: Iterable[tuple[int, Texts, bool, object]]) -> dict[int, Texts]:
    """unit id → explanations, for (unit id, stored explanations, whether they are current, computed_at) rows:
    those a recompute left to be built are built now (all in a handful of queries); a row never computed has
    none to show."""
    stored = list(stored)
    out = {unit: texts if explained else {} for unit, texts, explained, _ in stored}
    missing = [unit for unit, _, explained, at in stored if not explained and at is not None]
    if missing:
        sizes = dict(
            Standing.objects.filter(rubric=rubric, unit_id__in=missing).values_list("unit_id", "unit__size_group")
        )
        out.update(explanations_of(rubric, sizes))
    return out


def texts_of(result: Standing) -> Texts:
    """One stored result's explanations, built if the recompute left them for later."""
    if result.explained:
        return result.explanations
    return filled(result.rubric, [(result.unit_id, {}, False, result.computed_at)])[result.unit_id]


@no_cyclic_gc()
def explanations_build(*, rubric_id: int, low: int | None = None, high: int | None = None) -> int:
    """The pass after a recompute: stores the explanations it left to be built, and marks them current; of the
    entrants with unit ids `low`..`high` when given (a part of a pass shared by the workers, as a parallel
    recompute's chunks are). Waits for no lock (`_texts_write`), so the standings are never held up by it, and
    parts never meet: a row is written only if its change and computed marks still hold the value read before
    its facts (a fact written meanwhile moves the change mark in the same commit), so text and points always
    come from the same facts. Returns how many entrants it wrote."""
    rubric = ContestPeriod.objects.filter(pk=rubric_id).first()
    if rubric is None:
        return 0
    unbuilt = Standing.objects.filter(rubric=rubric, explained=False, computed_seq=F("change_seq"))
    if low is not None and high is not None:
        unbuilt = unbuilt.filter(unit_id__gte=low, unit_id__lte=high)
    rows = sorted(
        unbuilt.exclude(computed_at=None).order_by().values_list("pk", "unit_id", "computed_seq", "unit__size_group"),
        key=itemgetter(1),
    )
    written = 0
    for at in range(0, len(rows), PART):  # a part's facts and texts in memory at a time (75,000 villages)
        part = rows[at : at + PART]
        built = explanations_of(rubric, {unit: size for _, unit, _, size in part})
        written += written_once_free(_texts_write, [(pk, seq, built[unit]) for pk, unit, seq, _ in part])
    return written


def _texts_write(rows: list[tuple[int, int, Texts]]) -> tuple[int, list[tuple[int, int, Texts]]]:
    """Each (standing id, the marks its texts were built at, texts) written and marked current, where both its
    marks still hold that value; how many were, and the rows passed by because another held them (their marks
    still that value as last committed: to be written again). On PostgreSQL the texts travel by COPY into a
    table of this transaction and go to the standings in one UPDATE: as parameters, a part of 10,000 villages'
    texts (4.8 KB each) cost the driver's quoting and the server's parsing of every one. They go as UTF-8 (Thai
    is most of them: as JSON's \\u escapes each character is six bytes to parse rather than three) and are
    compressed with lz4 where the server has it: pglz was most of the server's time in this write."""
    if connection.vendor != "postgresql":
        field = Standing._meta.get_field("explanations")
        values = [(pk, field.get_db_prep_save(texts, connection), True, seq, seq) for pk, seq, texts in rows]
        return update_values(Standing, ["explanations", "explained"], values, match=["computed_seq", "change_seq"]), []
    out = io.StringIO()
    for pk, seq, texts in rows:  # JSON escapes every control character; COPY's own escape is the backslash
        document = json.dumps(texts, ensure_ascii=False).replace("\\", "\\\\")
        out.write(f"{pk}\t{seq}\t{document}\n")
    out.seek(0)
    table = connection.ops.quote_name(Standing._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings"
            " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        # The texts arrive as text and become JSON in the UPDATE: a value COPY had made JSON there would come
        # compressed, and the standing's row (under 2 KB with it) would keep it in line, past the table's
        # `toast_tuple_target` (scoring migration 0001, `explanations_out_of_line`): every re-ranking then
        # rewrote 1.5 KB a row, five times what it writes with the texts out of line.
        cursor.execute("CREATE TEMPORARY TABLE explained_texts (id bigint, seq bigint, texts text) ON COMMIT DROP")
        cursor.copy_expert("COPY explained_texts (id, seq, texts) FROM STDIN", out)
        # A row another holds is being marked or rescored (or its rounds counted): passed by (`SKIP LOCKED`)
        # rather than waited for, so this pass never waits on them nor deadlocks with them. Its texts are written
        # again once the holder commits (`HELD_PAUSES`), unless its marks moved (the pass after its rescoring
        # builds them).
        cursor.execute(
            f"UPDATE {table} r SET explanations = t.texts::jsonb, explained = true FROM explained_texts t"
            f" WHERE r.id = t.id AND r.computed_seq = t.seq AND r.change_seq = t.seq AND r.id IN"
            f" (SELECT id FROM {table} WHERE id IN (SELECT id FROM explained_texts) FOR NO KEY UPDATE SKIP LOCKED)"
        )
        written = cursor.rowcount
        # Those still unexplained at the marks they were built at: the rows just written read as explained here.
        cursor.execute(
            f"SELECT t.id FROM explained_texts t JOIN {table} r ON r.id = t.id"
            f" WHERE r.computed_seq = t.seq AND r.change_seq = t.seq AND NOT r.explained"
        )
        held = {pk for (pk,) in cursor.fetchall()}
        cursor.execute("DROP TABLE explained_texts")  # now, not at the commit: the caller's may be later
    return written, [row for row in rows if row[0] in held]


PART = 10_000  # entrants explained at a time
