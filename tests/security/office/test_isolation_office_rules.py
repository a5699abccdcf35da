"""Who may get what of ANOTHER office's contest: every route (by URL name) and method, per role.

The target is Chonburi's (TH-20) district website contest, `chonburi-web-2564` in every <year> and <slug>,
its entrant district's code in <code>, and Chonburi's object of the rule in <pk> (office/conftest.py).
Roles, in order: anonymous; Nong Khai's (TH-43) organiser, a Nong Khai district's staff and a Nong Khai
panel's member (each with a contest of their own); Chonburi's provincial staff, who do not enter its
district contest; the national committee member. Then the positive controls, the contest's own:
Chonburi's organiser, the entrant district's staff, a member of Chonburi's panel. Each cell is a sign and
the exact status, as in tests/security/test_isolation_rules.py: - refused, 0 served without the contest's
data, * served with it, + served and may show it ("-404": refused as not found). The first four columns (the
strangers': nobody signed in, and another office's people) run in `make check`, the rest in `make test`.
"""

from ..test_isolation_rules import Rule

RULES = {
    "admin:index": Rule("-302 0200 -302 0200 -302 0200 +200 -302 +200", "-302 0200 -302 0200 -302 0200 +200 -302 +200"),
    "admin:password_change": Rule(
        "-302 0302 0302 0302 0302 0302 +302 +302 +302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"
    ),
    "admin:autocomplete": Rule("-302 -403 -302 -403 -302 -403 -403 -302 -403"),
    "admin:contests_unit_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403", "-302 -403 -302 -403 -302 0200 -403 -302 -403", "contests.unit"
    ),
    "admin:contests_unit_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "contests.unit"
    ),
    "admin:contests_unit_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403", "-302 0302 -302 0302 -302 0302 -403 -302 -403", "contests.unit"
    ),
    "admin:contests_unit_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "contests.unit"
    ),
    "admin:contests_unit_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "contests.unit"
    ),
    "admin/contests/unit/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "contests.unit"
    ),
    "admin:rubrics_rubric_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403", "-302 -403 -302 -403 -302 0200 -403 -302 -403", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_history": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403", "-302 -403 -302 -403 -302 0302 -403 -302 -403", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "rubrics.rubric"
    ),
    "admin/rubrics/rubric/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "rubrics.rubric"
    ),
    "admin:rubrics_criterion_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "rubrics.criterion",
    ),
    "admin:rubrics_criterion_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.criterion",
    ),
    "admin:rubrics_criterion_history": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "rubrics.criterion",
    ),
    "admin:rubrics_criterion_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.criterion",
    ),
    "admin:rubrics_criterion_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.criterion",
    ),
    "admin/rubrics/criterion/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.criterion",
    ),
    "admin:scoring_fact_template": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"
    ),
    "admin:scoring_fact_process_import": Rule(None, "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
    "admin:scoring_fact_import": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"
    ),
    "admin:scoring_fact_export": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403", "-302 -403 -302 -403 -302 0200 -403 -302 -403"
    ),
    "admin:scoring_fact_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403", "-302 -403 -302 -403 -302 0200 -403 -302 -403", "scoring.fact"
    ),
    "admin:scoring_fact_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "scoring.fact"
    ),
    "admin:scoring_fact_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403", "-302 0302 -302 0302 -302 0302 -403 -302 -403", "scoring.fact"
    ),
    "admin:scoring_fact_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "scoring.fact"
    ),
    "admin:scoring_fact_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "scoring.fact"
    ),
    "admin/scoring/fact/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "scoring.fact"
    ),
    "admin:scoring_factchange_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.factchange",
    ),
    "admin:scoring_factchange_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.factchange",
    ),
    "admin:scoring_factchange_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "scoring.factchange",
    ),
    "admin:scoring_factchange_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.factchange",
    ),
    "admin:scoring_factchange_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.factchange",
    ),
    "admin/scoring/factchange/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "scoring.factchange",
    ),
    "admin:rubrics_rubricchange_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.rubricchange",
    ),
    "admin/rubrics/rubricchange/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.rubricchange",
    ),
    "admin:rubrics_holidayoverride_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverride",
    ),
    "admin/rubrics/holidayoverride/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverridechange_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.holidayoverridechange",
    ),
    "admin/rubrics/holidayoverridechange/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "rubrics.holidayoverridechange",
    ),
    "admin:scoring_standing_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "scoring.standing",
    ),
    "admin:scoring_standing_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.standing",
    ),
    "admin:scoring_standing_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "scoring.standing",
    ),
    "admin:scoring_standing_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.standing",
    ),
    "admin:scoring_standing_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "scoring.standing",
    ),
    "admin/scoring/standing/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "scoring.standing",
    ),
    "admin:nominees_nominee_changelist": Rule(
        "-302 0200 -302 -403 -302 -403 *200 -302 -403",
        "-302 0200 -302 -403 -302 -403 *200 -302 -403",
        "nominees.nominee",
    ),
    "admin:nominees_nominee_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "nominees.nominee",
    ),
    "admin:nominees_nominee_history": Rule(
        "-302 0302 -302 0302 -302 0302 *200 -302 -403",
        "-302 0302 -302 0302 -302 0302 *200 -302 -403",
        "nominees.nominee",
    ),
    "admin:nominees_nominee_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "nominees.nominee",
    ),
    "admin:nominees_nominee_change": Rule(
        "-302 0302 -302 -403 -302 -403 *200 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "nominees.nominee",
    ),
    "admin/nominees/nominee/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "nominees.nominee",
    ),
    # Seed 002's stages (stages.admin), read-only; these worlds hold no stage: the rows of one
    # office's picks against another's are tests/scoring/admin/test_admin_stages.py's.
    "admin:stages_stage_changelist": Rule(
        "-302 0200 -302 -403 -302 -403 0200 -302 -403", "-302 0200 -302 -403 -302 -403 0200 -302 -403", "stages.stage"
    ),
    "admin:stages_stage_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "stages.stage"
    ),
    "admin:stages_stage_history": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302", "stages.stage"
    ),
    "admin:stages_stage_delete": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302", "stages.stage"
    ),
    "admin:stages_stage_change": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302", "stages.stage"
    ),
    "admin/stages/stage/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404", "stages.stage"
    ),
    "admin:stages_stageentry_changelist": Rule(
        "-302 0200 -302 -403 -302 -403 0200 -302 -403",
        "-302 0200 -302 -403 -302 -403 0200 -302 -403",
        "stages.stageentry",
    ),
    "admin:stages_stageentry_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "stages.stageentry",
    ),
    "admin:stages_stageentry_history": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.stageentry",
    ),
    "admin:stages_stageentry_delete": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.stageentry",
    ),
    "admin:stages_stageentry_change": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.stageentry",
    ),
    "admin/stages/stageentry/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "stages.stageentry",
    ),
    "admin:stages_pastmodel_changelist": Rule(
        "-302 0200 -302 -403 -302 -403 0200 -302 -403",
        "-302 0200 -302 -403 -302 -403 0200 -302 -403",
        "stages.pastmodel",
    ),
    "admin:stages_pastmodel_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "stages.pastmodel",
    ),
    "admin:stages_pastmodel_history": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.pastmodel",
    ),
    "admin:stages_pastmodel_delete": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.pastmodel",
    ),
    "admin:stages_pastmodel_change": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.pastmodel",
    ),
    "admin/stages/pastmodel/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "stages.pastmodel",
    ),
    "admin:stages_registersource_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "stages.registersource",
    ),
    "admin:stages_registersource_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "stages.registersource",
    ),
    "admin:stages_registersource_history": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.registersource",
    ),
    "admin:stages_registersource_delete": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.registersource",
    ),
    "admin:stages_registersource_change": Rule(
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "-302 0302 -302 0302 -302 0302 0302 -302 0302",
        "stages.registersource",
    ),
    "admin/stages/registersource/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "stages.registersource",
    ),
    # accounts: the sign-in audit, a person's own pages, account links, the sheet
    "admin:accounts_accountevent_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "accounts.accountevent",
    ),
    "admin:accounts_accountevent_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "accounts.accountevent",
    ),
    "admin:accounts_accountevent_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "accounts.accountevent",
    ),
    "admin:accounts_accountevent_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "accounts.accountevent",
    ),
    "admin:accounts_accountevent_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "accounts.accountevent",
    ),
    "admin/accounts/accountevent/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "accounts.accountevent",
    ),
    "accounts:account": Rule(
        "-302 0200 0200 0200 0200 0200 +200 +200 +200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"
    ),
    # A person's own notices: about this contest only to its own people (its name carries the mark).
    "notices:inbox": Rule("-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    "notices:read": Rule(None, "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    "notices:preferences": Rule(None, "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    "accounts:second_factor": Rule(
        "-302 0200 0200 0200 0200 0200 +200 +200 +200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"
    ),
    # LINE: one's own code and link only; LINE off here, so the webhook is not found (its GET: 405).
    "accounts:line_connect": Rule(
        "-302 0405 0405 0405 0405 0405 +405 +405 +405", "-302 0302 0302 0302 0302 0302 +302 +302 +302"
    ),
    "accounts:line_unlink": Rule(
        "-302 0405 0405 0405 0405 0405 +405 +405 +405", "-302 0302 0302 0302 0302 0302 +302 +302 +302"
    ),
    "accounts:line_status": Rule("-302 0200 0200 0200 0200 0200 +200 +200 +200"),  # whether one's own LINE is linked
    # A calendar address: its owner's own, POST only; the feed by its secret alone (a forged one: not found).
    # A digital ID: signing in a link (GET), linking a form asking the password again, accepting an invitation
    # and unlinking forms (POST);
    # no provider is configured here, so each is not found.
    "accounts:digital_id_sign_in": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404 -404", "0405 0405 0405 0405 0405 0405 +405 +405 +405"
    ),
    "accounts:digital_id_link": Rule(
        "-302 -404 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:digital_id_invitation": Rule(
        "0405 0405 0405 0405 0405 0405 +405 +405 +405", "-404 -404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:digital_id_callback": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404 -404", "0405 0405 0405 0405 0405 0405 +405 +405 +405"
    ),
    "accounts:digital_id_unlink": Rule(
        "-302 0405 0405 0405 0405 0405 +405 +405 +405", "-302 -404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:calendar_make": Rule(None, "-302 0400 0400 0400 0400 0400 +400 +400 +400"),
    "accounts:calendar_revoke": Rule(None, "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    "calendar_feed": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404"),
    "line:webhook": Rule(
        "0405 0405 0405 0405 0405 0405 +405 +405 +405", "-404 -404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:second_factor_continue": Rule("-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    # Passkeys (django-otp-webauthn): JSON ceremonies, POST only. Adding one needs the app first (403 for all
    # here); beginning a confirmation lists only the person's own keys; the catalogue is the library's texts.
    "otp_webauthn:credential-registration-begin": Rule(None, "-403 -403 -403 -403 -403 -403 -403 -403 -403"),
    "otp_webauthn:credential-registration-complete": Rule(None, "-403 -403 -403 -403 -403 -403 -403 -403 -403"),
    "otp_webauthn:credential-authentication-begin": Rule(None, "-403 0200 0200 0200 0200 0200 +200 +200 +200"),
    "otp_webauthn:credential-authentication-complete": Rule(None, "-403 0400 0400 0400 0400 0400 +400 +400 +400"),
    "otp_webauthn:js-i18n-catalog": Rule("0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    "accounts:email_confirm": Rule("0400 0400 0400 0400 0400 0400 +400 +400 +400"),
    "accounts:invitation": Rule(
        "0400 0400 0400 0400 0400 0400 +400 +400 +400", "0400 0400 0400 0400 0400 0400 +400 +400 +400"
    ),
    "accounts:reset": Rule(
        "0200 0200 0200 0200 0200 0200 +200 +200 +200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"
    ),
    "accounts:reset_sent": Rule("0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    "accounts:reset_confirm": Rule(
        "0200 0200 0200 0200 0200 0200 +200 +200 +200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"
    ),
    "accounts:provision": Rule(
        "-302 0200 -403 -403 -403 -403 +200 -403 -403", "-302 0200 -403 -403 -403 -403 +200 -403 -403"
    ),
    "accounts:provision_template": Rule("-302 0200 -403 -403 -403 -403 +200 -403 -403"),
    "accounts:unused": Rule(
        "-302 -403 -403 -403 -403 -403 -403 -403 -403", "-302 -403 -403 -403 -403 -403 -403 -403 -403"
    ),
    "admin:auth_user_password_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin:auth_user_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin:auth_user_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin:auth_user_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin:auth_user_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin:auth_user_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "auth.user"
    ),
    "admin/auth/user/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "auth.user"
    ),
    "admin:submissions_uploadlimit_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.uploadlimit",
    ),
    "admin/submissions/uploadlimit/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "submissions.uploadlimit",
    ),
    "admin:submissions_submission_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "submissions.submission",
    ),
    "admin:submissions_submission_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.submission",
    ),
    "admin:submissions_submission_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "submissions.submission",
    ),
    "admin:submissions_submission_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.submission",
    ),
    "admin:submissions_submission_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.submission",
    ),
    "admin/submissions/submission/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.submission",
    ),
    "admin:submissions_innovationreport_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "submissions.innovationreport",
    ),
    "admin/submissions/innovationreport/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "submissions.innovationreport",
    ),
    "admin:rubrics_awardtier_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_history": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "rubrics.awardtier",
    ),
    "admin/rubrics/awardtier/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "rubrics.awardtier",
    ),
    "admin:awards_awardsignature_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.awardsignature",
    ),
    "admin:awards_awardsignature_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.awardsignature",
    ),
    "admin:awards_awardsignature_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.awardsignature",
    ),
    "admin:awards_awardsignature_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.awardsignature",
    ),
    "admin:awards_awardsignature_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.awardsignature",
    ),
    "admin/awards/awardsignature/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "awards.awardsignature",
    ),
    "admin:awards_signingcertificate_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.signingcertificate",
    ),
    "admin/awards/signingcertificate/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "awards.signingcertificate",
    ),
    "admin:awards_generateddocument_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.generateddocument",
    ),
    "admin:awards_generateddocument_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.generateddocument",
    ),
    "admin:awards_generateddocument_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.generateddocument",
    ),
    "admin:awards_generateddocument_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.generateddocument",
    ),
    "admin:awards_generateddocument_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "awards.generateddocument",
    ),
    "admin/awards/generateddocument/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "awards.generateddocument",
    ),
    "admin:committee_matrix": Rule(
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        query="?year={year}",
    ),
    "admin:committee_next": Rule(
        "-302 -404 -302 -404 -302 -404 +302 -302 +302",
        "-302 -404 -302 -404 -302 -404 +302 -302 +302",
        query="?year={year}",
    ),
    "admin:committee_score": Rule(
        "-302 -404 -302 -404 -302 -404 *200 -302 *200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"
    ),
    "admin:committee_evidence": Rule(
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        "submissions.evidence",
    ),
    "admin:committee_evidence_file": Rule(
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        "-302 -404 -302 -404 -302 -404 *200 -302 *200",
        "submissions.evidence",
    ),
    "admin:committee_judgment_import": Rule(
        "-302 0200 -302 -403 -302 -403 *200 -302 -403", "-302 0200 -302 -403 -302 -403 *200 -302 -403"
    ),
    "admin:committee_judgment_template": Rule(
        "-302 -404 -302 -404 -302 -404 +200 -302 -403",
        "-302 -404 -302 -404 -302 -404 +200 -302 -403",
        query="?year={year}",
    ),
    "admin:committee_judgment_changelist": Rule(
        "-302 0200 -302 0200 -302 0200 *200 -302 *200",
        "-302 0200 -302 0200 -302 0200 *200 -302 *200",
        "committee.judgment",
    ),
    "admin:committee_judgment_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.judgment",
    ),
    "admin:committee_judgment_history": Rule(
        "-302 0302 -302 0302 -302 0302 +200 -302 +200",
        "-302 0302 -302 0302 -302 0302 +200 -302 +200",
        "committee.judgment",
    ),
    "admin:committee_judgment_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.judgment",
    ),
    "admin:committee_judgment_change": Rule(
        "-302 0302 -302 0302 -302 0302 *200 -302 *200",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.judgment",
    ),
    "admin/committee/judgment/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.judgment",
    ),
    "admin:committee_chairfinal_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "committee.chairfinal",
    ),
    "admin:committee_chairfinal_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.chairfinal",
    ),
    "admin:committee_chairfinal_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "committee.chairfinal",
    ),
    "admin:committee_chairfinal_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.chairfinal",
    ),
    "admin:committee_chairfinal_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.chairfinal",
    ),
    "admin/committee/chairfinal/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.chairfinal",
    ),
    "admin:committee_override_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "committee.override",
    ),
    "admin:committee_override_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.override",
    ),
    "admin:committee_override_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.override",
    ),
    "admin:committee_override_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.override",
    ),
    "admin:committee_override_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.override",
    ),
    "admin/committee/override/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "committee.override",
    ),
    "admin:committee_scorechange_export": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"
    ),
    "admin:committee_scorechange_changelist": Rule(
        "-302 0200 -302 0200 -302 0200 *200 -302 *200",
        "-302 0200 -302 0200 -302 0200 *200 -302 *200",
        "committee.scorechange",
    ),
    "admin:committee_scorechange_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.scorechange",
    ),
    "admin:committee_scorechange_history": Rule(
        "-302 0302 -302 0302 -302 0302 +200 -302 +200",
        "-302 0302 -302 0302 -302 0302 +200 -302 +200",
        "committee.scorechange",
    ),
    "admin:committee_scorechange_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.scorechange",
    ),
    "admin:committee_scorechange_change": Rule(
        "-302 0302 -302 0302 -302 0302 *200 -302 *200",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.scorechange",
    ),
    "admin/committee/scorechange/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.scorechange",
    ),
    "admin:people_conflict_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "people.conflict",
    ),
    "admin:people_conflict_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "people.conflict",
    ),
    "admin:people_conflict_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "people.conflict",
    ),
    "admin:people_conflict_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "people.conflict",
    ),
    "admin:people_conflict_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "people.conflict",
    ),
    "admin/people/conflict/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "people.conflict",
    ),
    "admin:committee_clarification_changelist": Rule(
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "-302 -403 -302 -403 -302 0200 -403 -302 -403",
        "committee.clarification",
    ),
    "admin:committee_clarification_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.clarification",
    ),
    "admin:committee_clarification_history": Rule(
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "-302 0302 -302 0302 -302 0302 -403 -302 -403",
        "committee.clarification",
    ),
    "admin:committee_clarification_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.clarification",
    ),
    "admin:committee_clarification_change": Rule(
        "-302 -403 -302 -403 -302 0302 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "committee.clarification",
    ),
    "admin/committee/clarification/<path:object_id>/": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "committee.clarification",
    ),
    "admin:app_list": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"
    ),
    "upload-gate": Rule("-401 0204 0204 0204 0204 0204 +204 +204 +204"),
    "admin-password-change": Rule(
        "-302 0302 0302 0302 0302 0302 +302 +302 +302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"
    ),
    "admin:axes_accessattempt_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "axes.accessattempt",
    ),
    "admin:axes_accessattempt_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "axes.accessattempt",
    ),
    "admin:axes_accessattempt_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "axes.accessattempt",
    ),
    "admin:axes_accessattempt_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "axes.accessattempt",
    ),
    "admin:axes_accessattempt_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "-302 0302 -302 0302 -302 0302 +302 -302 +302",
        "axes.accessattempt",
    ),
    "admin/axes/accessattempt/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "-302 -404 -302 -404 -302 -404 -404 -302 -404",
        "axes.accessattempt",
    ),
    "admin:axes_accesslog_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "axes.accesslog"
    ),
    "admin:axes_accesslog_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "axes.accesslog"
    ),
    "admin:axes_accesslog_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "axes.accesslog"
    ),
    "admin:axes_accesslog_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "axes.accesslog"
    ),
    "admin:axes_accesslog_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "axes.accesslog"
    ),
    "admin/axes/accesslog/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404", "axes.accesslog"
    ),
    "admin:knox_authtoken_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "knox.authtoken"
    ),
    "admin:knox_authtoken_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403", "knox.authtoken"
    ),
    "admin:knox_authtoken_history": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "knox.authtoken"
    ),
    "admin:knox_authtoken_delete": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "knox.authtoken"
    ),
    "admin:knox_authtoken_change": Rule(
        "-302 0302 -302 0302 -302 0302 +302 -302 +302", "-302 0302 -302 0302 -302 0302 +302 -302 +302", "knox.authtoken"
    ),
    "admin/knox/authtoken/<path:object_id>/": Rule(
        "-302 -404 -302 -404 -302 -404 -404 -302 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404", "knox.authtoken"
    ),
    "api-provinces": Rule("-401 0200 0200 0200 0200 0200 +200 +200 +200"),
    "api-not-found": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404 -404", "-404 -404 -404 -404 -404 -404 -404 -404 -404"
    ),  # any other /api/ address: the API's 404
    "api-rubric": Rule("-401 -404 -404 -404 -404 -404 *200 *200 *200"),
    "api-entrant-obligations": Rule(
        "-401 -404 -404 -404 -404 -404 +200 +200 -404"
    ),  # as the entrant's page; dates, not the mark
    "api-standings": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404"),
    "api-awards": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404"),
    "api-facts": Rule(None, "-401 -404 -404 -404 -404 -404 +400 -404 -404"),
    "api-contest-standings": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404"),
    "api-nominees": Rule("-401 -404 -404 -404 -404 -404 *200 *200 -404"),
    "api-stage-picks": Rule(
        "-401 -404 -404 -404 -404 -404 -404 -404 -404"
    ),  # a district contest is no stage: 404, as its page
    "api-nominee": Rule(
        None, "-401 -404 -404 -404 -404 -404 +400 +400 -404", delete="-401 -404 -404 -404 -404 -404 +200 +400 -404"
    ),
    "schema": Rule("-401 0200 0200 0200 0200 0200 +200 +200 +200"),
    "api-docs": Rule("-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    "set_language": Rule(
        "0302 0302 0302 0302 0302 0302 +302 +302 +302", "0302 0302 0302 0302 0302 0302 +302 +302 +302"
    ),
    "api-evidence": Rule(
        "-401 -404 -404 -404 -404 -404 *200 *200 +200", "-401 -404 -404 -404 -404 -404 -403 +400 -404"
    ),
    # tus: the collection takes no GET (405) and a POST without Tus-Resumable (412); an upload is
    # its sender's alone: anyone else gets 404, never its name or description.
    "api-uploads": Rule("-401 0405 0405 0405 0405 0405 0405 0405 0405", "-401 0412 0412 0412 0412 0412 0412 0412 0412"),
    "api-upload": Rule(
        "-401 -404 -404 -404 -404 -404 -404 +200 -404",
        "-401 0405 0405 0405 0405 0405 0405 +405 0405",
        "submissions.resumableupload",
        delete="-401 -404 -404 -404 -404 -404 -404 +204 -404",
    ),
    "api-judgments": Rule(
        "-401 -404 -404 -404 -404 -404 -404 -404 *200", "-401 -404 -404 -404 -404 -404 -404 -404 +400"
    ),
    "committee:clarification": Rule(
        "-302 -404 -404 -404 -404 -404 *200 *200 -404",
        "-302 -404 -404 -404 -404 -404 -403 *200 -404",
        "committee.clarification",
    ),
    "committee:clarification_answer": Rule(
        None, "-302 -404 -404 -404 -404 -404 -404 +302 -404", "committee.clarification"
    ),
    "panel:judging_deadline": Rule(
        "-302 -404 -404 -404 -404 -404 *200 -404 -404", "-302 -404 -404 -404 -404 -404 +200 -404 -404"
    ),
    "panel:manage": Rule(
        "-302 -404 -404 -404 -404 -404 *200 -404 -404", "-302 -404 -404 -404 -404 -404 +302 -404 -404"
    ),
    "login": Rule("0200 0302 0302 0302 0302 0302 +302 +302 +302", "0200 0302 0302 0302 0302 0302 +302 +302 +302"),
    "logout": Rule(None, "-302 -302 -302 -302 -302 -302 -302 -302 -302"),
    "password_change": Rule(
        "-302 0200 0200 0200 0200 0200 +200 +200 +200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"
    ),
    "password_change_done": Rule("-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    "scoring:index": Rule("-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    "schedule:dashboard": Rule("-302 -404 -404 -404 -404 -404 *200 -404 -404"),
    "schedule:live": Rule("-302 -404 -404 -404 -404 -404 *200 -404 -404"),
    "rubrics:settings": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "rubrics:calendar": Rule("-302 -404 -404 -404 -404 -404 +200 -404 -404"),
    "schedule:missing": Rule(
        "-302 -404 -404 -404 -404 -404 +200 -404 -404"
    ),  # who has not sent, by name: whoever runs the contest
    "scoring:facts": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:facts_template": Rule("-302 -404 -404 -404 -404 -404 +200 -404 -404"),
    # The district website contest is not staged: no stage page for anyone; the list names only a user's own.
    "stages:stages": Rule("-302 0200 0200 0200 0200 0200 0200 0200 0200"),
    # Every year's results of the office's own contests: its staff; an organiser's, the contests it runs.
    "scoring:past": Rule("-302 0200 0200 0200 0200 -403 +200 +200 0200"),
    "stages:stage_register": Rule(None, "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    "stages:stage": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_export": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_file": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_file_download": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404", None, "contests.unit"),
    "stages:stage_pick": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_withdraw": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "rubrics:contest_upload": Rule(
        "-302 0200 -403 -403 -403 -403 +200 -403 -403", "-302 0400 -403 -403 -403 -403 +400 -403 -403"
    ),
    # Another office's contest as the builder's template does not exist for an organiser (404); a POST
    # builds only what it carries, so it shows nobody else's contest.
    "builder:contest_builder": Rule(
        "-302 -404 -403 -403 -403 -403 +200 -403 -403",
        "-302 0200 -403 -403 -403 -403 +200 -403 -403",
        query="?from=contest:{year}",
    ),
    # The live preview scores only the rule the form carries, no stored contest: an empty form names no
    # criterion (404) for whoever runs contests; everyone else is refused.
    "builder:preview": Rule(None, "-302 -404 -403 -403 -403 -403 -404 -403 -403"),
    "builder:contest_open": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    # The revision history (who changed the rules, when, why): the contest's organisers only, never its panel.
    "rubrics:rubric_changes": Rule("-302 -404 -404 -404 -404 -404 *200 -404 -404"),
    # A criterion's page (no criterion is named <code>: 404 to its runner); the entrant's staff sent on to its own.
    "schedule:criterion": Rule(
        "-302 -404 -404 -404 -404 -404 -404 +302 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "schedule:deadline_letter": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404", None, "rubrics.rubricchange"),
    "scoring:freeze": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:unfreeze": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:publish": Rule(
        "-302 -404 -404 -404 -404 -404 +302 -404 -404", "-302 -404 -404 -404 -404 -404 +302 -404 -404"
    ),
    "scoring:ties": Rule(
        "-302 -404 -404 -404 -404 -404 +200 -404 -404", "-302 -404 -404 -404 -404 -404 +302 -404 -404"
    ),
    "schedule:remind_late": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:withdraw": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:correct": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "scoring:mine": Rule(
        "-302 -404 -404 -404 -404 -404 +302 +200 +302"
    ),  # the entrant's own page, before its results open; its panel: the matrix
    "scoring:results": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404"),
    "submissions:home": Rule(
        "0200 0200 0302 0302 0302 0200 *200 +302 +200", "0200 0200 0302 0302 0302 0200 *200 +302 +200"
    ),  # a visitor: the landing page
    "submissions:provinces": Rule(
        "-302 0200 0302 0302 0302 0200 *200 +302 +200", "-302 0200 0302 0302 0302 0200 *200 +302 +200"
    ),  # the home, signed in
    "notices:announce": Rule(
        "-302 0200 -403 -403 -403 -403 +200 -403 -403", "-302 0400 -403 -403 -403 -403 +400 -403 -403"
    ),  # central staff, and each organiser to its own contest's entrants
    "notices:announcement": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404", None, "notices.announcement"),
    "notices:announcement_letter": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404", None, "notices.announcement"),
    # A bulk act's account, to whoever did it (tests/notices/test_outreach.py): here none exists.
    "notices:outreach": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404", None, "notices.outreach"),
    "submissions:unit": Rule(
        "-302 -404 -404 -404 -404 -404 *200 *200 -404", "-302 -404 -404 -404 -404 -404 *200 *200 -404"
    ),
    "submissions:innovation": Rule(
        "-302 -404 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -403 -404 -404"
    ),
    "submissions:nominee": Rule(None, "-302 -404 -404 -404 -404 -404 +200 +302 -404"),
    "submissions:nominee-withdraw": Rule(None, "-302 -404 -404 -404 -404 -404 +302 +302 -404"),
    "submissions:criterion": Rule(
        "-302 -404 -404 -404 -404 -404 *200 *200 -404", "-302 -404 -404 -404 -404 -404 *200 *200 -404"
    ),
    "submissions:upload": Rule(None, "-401 -404 -404 -404 -404 -404 -403 +302 -404"),
    "submissions:link": Rule(None, "-302 -404 -404 -404 -404 -404 -403 +302 -404"),
    "submissions:answers": Rule(None, "-302 -404 -404 -404 -404 -404 -403 +302 -404"),
    "submissions:withdraw": Rule(
        "-302 -404 -404 -404 -404 -404 -403 *200 -404",
        "-302 -404 -404 -404 -404 -404 -403 +302 -404",
        "submissions.evidence",
    ),
    "submissions:download": Rule(
        "-302 -404 -404 -404 -404 -404 *200 *200 -404",
        "-302 -404 -404 -404 -404 -404 *200 *200 -404",
        "submissions.evidence",
    ),
    "api-export": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404"),
    "api-documents": Rule(None, "-401 -404 -404 -404 -404 -404 +400 -404 -404"),
    "api-document": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404", None, "awards.generateddocument"),
    "api-document-file": Rule("-401 -404 -404 -404 -404 -404 +200 -404 -404", None, "awards.generateddocument"),
    "awards:index": Rule("-302 -403 -403 -403 -403 0302 -403 -403 -403"),
    "awards:results": Rule("-302 -404 -404 -404 -404 -404 *200 -404 -404"),
    "awards:document_create": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "awards:signature": Rule(None, "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    "awards:signing_certificate": Rule(None, "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    "awards:status": Rule("-302 -404 -404 -404 -404 -404 +200 -404 -404", None, "awards.generateddocument"),
    "awards:download": Rule("-302 -404 -404 -404 -404 -404 *200 -404 -404", None, "awards.generateddocument"),
    "ops:healthz": Rule("0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    "ops:metrics": Rule("0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    "ops:status": Rule("-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    # Whom to call names each contest the user runs or enters, with its organising office's desk.
    "ops:help": Rule("0200 0200 0200 0200 0200 0200 +200 +200 0200"),
    "ops:help_role": Rule("0200 0200 0200 0200 0200 0200 +200 +200 0200"),
    "ops:contacts": Rule(
        "-302 0200 -403 -403 -403 -403 +200 -403 -403", "-302 -404 -403 -403 -403 -403 -404 -403 -403"
    ),  # an organiser sets its own contests' desks
    "admin:ops_sitecontact_changelist": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "ops.sitecontact",
    ),
    "admin:ops_sitecontact_add": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "ops.sitecontact",
    ),
    "admin:ops_sitecontact_history": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "ops.sitecontact",
    ),
    "admin:ops_sitecontact_delete": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "ops.sitecontact",
    ),
    "admin:ops_sitecontact_change": Rule(
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "-302 -403 -302 -403 -302 -403 -403 -302 -403",
        "ops.sitecontact",
    ),
    "admin/ops/sitecontact/<path:object_id>/": Rule(
        "-302 +302 -302 +302 -302 +302 +302 -302 +302",
        "-302 +302 -302 +302 -302 +302 +302 -302 +302",
        "ops.sitecontact",
    ),
    "ops:next_year": Rule(
        "-302 -403 -403 -403 -403 -403 -403 -403 -403", "-302 -403 -403 -403 -403 -403 -403 -403 -403"
    ),
    "ops:year_on_year": Rule("-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    "ops:year_on_year_province": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    "ops:province_export": Rule("-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    # Public: the form for everyone; <code> (a unit's code here) is no verification code, so not found.
    "verify:index": Rule("0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    "verify:page": Rule("-404 -404 -404 -404 -404 -404 -404 -404 -404"),
}

# Leaks this matrix finds in code another change is fixing: route -> (the roles it leaks to, what
# leaks and where the fix belongs). Strict: a fixed leak fails until its entry is removed.
COMMITTEE = ("committee",)
SIGNED_IN = ("other_organiser", "other_district", "other_panelist", "office_staff", "committee")
KNOWN_LEAKS: dict[str, tuple[tuple[str, ...], str]] = {}
