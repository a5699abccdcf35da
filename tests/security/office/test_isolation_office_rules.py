"""Who may get what of ANOTHER office's contest: every route (by URL name) and method, per role.

The target is Chonburi's (TH-20) district website contest, `chonburi-web-2564` in every <year> and <slug>,
its entrant district's code in <code>, and Chonburi's object of the rule in <pk> (office/conftest.py).
Roles, in order: anonymous; Nong Khai's (TH-43) organiser, a Nong Khai district's staff and a Nong Khai
panel's member (each with a contest of their own); Chonburi's provincial staff, who do not enter its
district contest; the national committee member. Then the positive controls, the contest's own:
Chonburi's organiser, the entrant district's staff, a member of Chonburi's panel. The symbols are those
of tests/security/test_isolation_rules.py: - refused, 4 refused as not found, 0 served without the
contest's data, * served with it, + may be served.
"""

from ..test_isolation_rules import Rule

RULES = {
    "admin:index": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +"),
    "admin:password_change": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    "admin:autocomplete": Rule("- - - - - - - - -"),
    "admin:contests_unit_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "contests.unit"),
    "admin:contests_unit_add": Rule("- - - - - - - - -", "- - - - - - - - -", "contests.unit"),
    "admin:contests_unit_history": Rule("- 0 - 0 - 0 - - +", "- 0 - 0 - 0 - - +", "contests.unit"),
    "admin:contests_unit_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "contests.unit"),
    "admin:contests_unit_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "contests.unit"),
    "admin/contests/unit/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "contests.unit"),
    "admin:scoring_rubric_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.rubric"),
    "admin:scoring_rubric_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubric"),
    "admin:scoring_rubric_history": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.rubric"),
    "admin:scoring_rubric_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubric"),
    "admin:scoring_rubric_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "scoring.rubric"),
    "admin/scoring/rubric/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.rubric"),
    "admin:scoring_criterion_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.criterion"),
    "admin:scoring_criterion_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.criterion"),
    "admin:scoring_criterion_history": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.criterion"),
    "admin:scoring_criterion_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.criterion"),
    "admin:scoring_criterion_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "scoring.criterion"),
    "admin/scoring/criterion/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.criterion"),
    "admin:scoring_fact_template": Rule("- - - - - - - - -", "- - - - - - - - -"),
    "admin:scoring_fact_process_import": Rule(None, "- - - - - - - - -"),
    "admin:scoring_fact_import": Rule("- - - - - - - - -", "- - - - - - - - -"),
    "admin:scoring_fact_export": Rule("- - - - - 0 - - -", "- - - - - 0 - - -"),
    "admin:scoring_fact_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.fact"),
    "admin:scoring_fact_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.fact"),
    "admin:scoring_fact_history": Rule("- 0 - 0 - 0 - - +", "- 0 - 0 - 0 - - +", "scoring.fact"),
    "admin:scoring_fact_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.fact"),
    "admin:scoring_fact_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "scoring.fact"),
    "admin/scoring/fact/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.fact"),
    "admin:scoring_factchange_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.factchange"),
    "admin:scoring_factchange_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.factchange"),
    "admin:scoring_factchange_history": Rule("- 0 - 0 - 0 - - +", "- 0 - 0 - 0 - - +", "scoring.factchange"),
    "admin:scoring_factchange_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.factchange"),
    "admin:scoring_factchange_change": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.factchange"),
    "admin/scoring/factchange/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.factchange"),
    "admin:scoring_rubricchange_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_history": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_change": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.rubricchange"),
    "admin/scoring/rubricchange/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.rubricchange"
    ),
    "admin:scoring_holidayoverride_changelist": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "scoring.holidayoverride"
    ),
    "admin:scoring_holidayoverride_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverride"),
    "admin/scoring/holidayoverride/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "scoring.holidayoverride"
    ),
    "admin:scoring_holidayoverridechange_changelist": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "scoring.holidayoverridechange"
    ),
    "admin:scoring_holidayoverridechange_add": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "scoring.holidayoverridechange"
    ),
    "admin:scoring_holidayoverridechange_history": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverridechange"
    ),
    "admin:scoring_holidayoverridechange_delete": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverridechange"
    ),
    "admin:scoring_holidayoverridechange_change": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.holidayoverridechange"
    ),
    "admin/scoring/holidayoverridechange/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "scoring.holidayoverridechange"
    ),
    "admin:scoring_standing_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.standing"),
    "admin:scoring_standing_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.standing"),
    "admin:scoring_standing_history": Rule("- 0 - 0 - 0 - - +", "- 0 - 0 - 0 - - +", "scoring.standing"),
    "admin:scoring_standing_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.standing"),
    "admin:scoring_standing_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "scoring.standing"),
    "admin/scoring/standing/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.standing"),
    "admin:nominees_nominee_changelist": Rule("- 0 - - - - * - -", "- 0 - - - - * - -", "nominees.nominee"),
    "admin:nominees_nominee_add": Rule("- - - - - - - - -", "- - - - - - - - -", "nominees.nominee"),
    "admin:nominees_nominee_history": Rule("- 0 - 0 - 0 * - +", "- 0 - 0 - 0 * - +", "nominees.nominee"),
    "admin:nominees_nominee_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "nominees.nominee"),
    "admin:nominees_nominee_change": Rule("- 0 - - - - * - -", "- - - - - - - - -", "nominees.nominee"),
    "admin/nominees/nominee/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "nominees.nominee"),
    # Seed 002's stages (stages.admin), read-only; these worlds hold no stage: the rows of one
    # office's picks against another's are tests/scoring/admin/test_admin_stages.py's.
    "admin:stages_stage_changelist": Rule("- 0 - - - - 0 - -", "- 0 - - - - 0 - -", "stages.stage"),
    "admin:stages_stage_add": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.stage"),
    "admin:stages_stage_history": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stage"),
    "admin:stages_stage_delete": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stage"),
    "admin:stages_stage_change": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stage"),
    "admin/stages/stage/<path:object_id>/": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.stage"),
    "admin:stages_stageentry_changelist": Rule("- 0 - - - - 0 - -", "- 0 - - - - 0 - -", "stages.stageentry"),
    "admin:stages_stageentry_add": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.stageentry"),
    "admin:stages_stageentry_history": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stageentry"),
    "admin:stages_stageentry_delete": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stageentry"),
    "admin:stages_stageentry_change": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.stageentry"),
    "admin/stages/stageentry/<path:object_id>/": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.stageentry"),
    "admin:stages_pastmodel_changelist": Rule("- 0 - - - - 0 - -", "- 0 - - - - 0 - -", "stages.pastmodel"),
    "admin:stages_pastmodel_add": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.pastmodel"),
    "admin:stages_pastmodel_history": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.pastmodel"),
    "admin:stages_pastmodel_delete": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.pastmodel"),
    "admin:stages_pastmodel_change": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.pastmodel"),
    "admin/stages/pastmodel/<path:object_id>/": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.pastmodel"),
    "admin:stages_registersource_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.registersource"),
    "admin:stages_registersource_add": Rule("- - - - - - - - -", "- - - - - - - - -", "stages.registersource"),
    "admin:stages_registersource_history": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.registersource"),
    "admin:stages_registersource_delete": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.registersource"),
    "admin:stages_registersource_change": Rule("- 0 - 0 - 0 0 - 0", "- 0 - 0 - 0 0 - 0", "stages.registersource"),
    "admin/stages/registersource/<path:object_id>/": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "stages.registersource"
    ),
    # accounts: the sign-in audit, a person's own pages, account links, the sheet
    "admin:accounts_accountevent_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_add": Rule("- - - - - - - - -", "- - - - - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_history": Rule("- - - - - - - - -", "- - - - - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_change": Rule("- - - - - - - - -", "- - - - - - - - -", "accounts.accountevent"),
    "admin/accounts/accountevent/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "accounts.accountevent"
    ),
    "accounts:account": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    # A person's own notices: about this contest only to its own people (its name carries the mark).
    "notices:inbox": Rule("- 0 0 0 0 0 + + +"),
    "notices:read": Rule(None, "- 0 0 0 0 0 + + +"),
    "notices:preferences": Rule(None, "- 0 0 0 0 0 + + +"),
    "accounts:second_factor": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    # LINE: one's own code and link only; LINE off here, so the webhook is not found (its GET: 405).
    "accounts:line_connect": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    "accounts:line_unlink": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    "accounts:line_status": Rule("- 0 0 0 0 0 + + +"),  # whether one's own LINE is linked
    # A calendar address: its owner's own, POST only; the feed by its secret alone (a forged one: not found).
    "accounts:calendar_make": Rule(None, "- 0 0 0 0 0 + + +"),
    "accounts:calendar_revoke": Rule(None, "- 0 0 0 0 0 + + +"),
    "calendar_feed": Rule("- - - - - - - - -"),
    "line:webhook": Rule("0 0 0 0 0 0 + + +", "- - - - - - - - -"),
    "accounts:second_factor_continue": Rule("- 0 0 0 0 0 + + +"),
    # Passkeys (django-otp-webauthn): JSON ceremonies, POST only. Adding one needs the app first (403 for all
    # here); beginning a confirmation lists only the person's own keys; the catalogue is the library's texts.
    "otp_webauthn:credential-registration-begin": Rule(None, "- - - - - - - - -"),
    "otp_webauthn:credential-registration-complete": Rule(None, "- - - - - - - - -"),
    "otp_webauthn:credential-authentication-begin": Rule(None, "- 0 0 0 0 0 + + +"),
    "otp_webauthn:credential-authentication-complete": Rule(None, "- 0 0 0 0 0 + + +"),
    "otp_webauthn:js-i18n-catalog": Rule("0 0 0 0 0 0 + + +"),
    "accounts:email_confirm": Rule("0 0 0 0 0 0 + + +"),
    "accounts:invitation": Rule("0 0 0 0 0 0 + + +", "0 0 0 0 0 0 + + +"),
    "accounts:reset": Rule("0 0 0 0 0 0 + + +", "0 0 0 0 0 0 + + +"),
    "accounts:reset_sent": Rule("0 0 0 0 0 0 + + +"),
    "accounts:reset_confirm": Rule("0 0 0 0 0 0 + + +", "0 0 0 0 0 0 + + +"),
    "accounts:provision": Rule("- 0 - - - - + - -", "- 0 - - - - + - -"),
    "accounts:provision_template": Rule("- 0 - - - - + - -"),
    "accounts:unused": Rule("- - - - - - - - -", "- - - - - - - - -"),
    "admin:auth_user_password_change": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin:auth_user_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin:auth_user_add": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin:auth_user_history": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin:auth_user_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin:auth_user_change": Rule("- - - - - - - - -", "- - - - - - - - -", "auth.user"),
    "admin/auth/user/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "auth.user"),
    "admin:submissions_uploadlimit_changelist": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "submissions.uploadlimit"
    ),
    "admin:submissions_uploadlimit_add": Rule("- - - - - - - - -", "- - - - - - - - -", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.uploadlimit"),
    "admin/submissions/uploadlimit/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "submissions.uploadlimit"
    ),
    "admin:submissions_submission_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "submissions.submission"),
    "admin:submissions_submission_add": Rule("- - - - - - - - -", "- - - - - - - - -", "submissions.submission"),
    "admin:submissions_submission_history": Rule("- 0 - 0 - 0 - - +", "- 0 - 0 - 0 - - +", "submissions.submission"),
    "admin:submissions_submission_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "submissions.submission"),
    "admin:submissions_submission_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "submissions.submission"),
    "admin/submissions/submission/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.submission"
    ),
    "admin:submissions_innovationreport_changelist": Rule(
        "- - - - - 0 - - -", "- - - - - 0 - - -", "submissions.innovationreport"
    ),
    "admin:submissions_innovationreport_add": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "submissions.innovationreport"
    ),
    "admin:submissions_innovationreport_history": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.innovationreport"
    ),
    "admin:submissions_innovationreport_delete": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.innovationreport"
    ),
    "admin:submissions_innovationreport_change": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "submissions.innovationreport"
    ),
    "admin/submissions/innovationreport/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "submissions.innovationreport"
    ),
    "admin:scoring_awardtier_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_add": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_history": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "scoring.awardtier"),
    "admin/scoring/awardtier/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "scoring.awardtier"),
    "admin:awards_awardsignature_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.awardsignature"),
    "admin:awards_awardsignature_add": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.awardsignature"),
    "admin:awards_awardsignature_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.awardsignature"),
    "admin:awards_awardsignature_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.awardsignature"),
    "admin:awards_awardsignature_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.awardsignature"),
    "admin/awards/awardsignature/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "awards.awardsignature"
    ),
    "admin:awards_signingcertificate_changelist": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "awards.signingcertificate"
    ),
    "admin:awards_signingcertificate_add": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.signingcertificate"),
    "admin:awards_signingcertificate_history": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.signingcertificate"
    ),
    "admin:awards_signingcertificate_delete": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.signingcertificate"
    ),
    "admin:awards_signingcertificate_change": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.signingcertificate"
    ),
    "admin/awards/signingcertificate/<path:object_id>/": Rule(
        "- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "awards.signingcertificate"
    ),
    "admin:awards_generateddocument_changelist": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_add": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.generateddocument"),
    "admin:awards_generateddocument_history": Rule(
        "- - - - - - - - -", "- - - - - - - - -", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.generateddocument"),
    "admin:awards_generateddocument_change": Rule("- - - - - - - - -", "- - - - - - - - -", "awards.generateddocument"),
    "admin/awards/generateddocument/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "awards.generateddocument"
    ),
    "admin:committee_matrix": Rule("- 4 - 4 - 4 * - *", "- 4 - 4 - 4 * - *", query="?year={year}"),
    "admin:committee_next": Rule("- 4 - 4 - 4 + - +", "- 4 - 4 - 4 + - +", query="?year={year}"),
    "admin:committee_score": Rule("- 4 - 4 - 4 * - *", "- 4 - 4 - 4 * - *"),
    "admin:committee_evidence": Rule("- 4 - 4 - 4 * - *", "- 4 - 4 - 4 * - *", "submissions.evidence"),
    "admin:committee_evidence_file": Rule("- 4 - 4 - 4 * - *", "- 4 - 4 - 4 * - *", "submissions.evidence"),
    "admin:committee_judgment_import": Rule("- 0 - - - - * - -", "- 0 - - - - * - -"),
    "admin:committee_judgment_template": Rule("- 4 - 4 - 4 + - -", "- 4 - 4 - 4 + - -", query="?year={year}"),
    "admin:committee_judgment_changelist": Rule("- 0 - 0 - 0 * - *", "- 0 - 0 - 0 * - *", "committee.judgment"),
    "admin:committee_judgment_add": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.judgment"),
    "admin:committee_judgment_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.judgment"),
    "admin:committee_judgment_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.judgment"),
    "admin:committee_judgment_change": Rule("- 0 - 0 - 0 * - *", "- - - - - - - - -", "committee.judgment"),
    "admin/committee/judgment/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.judgment"),
    "admin:committee_chairfinal_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "committee.chairfinal"),
    "admin:committee_chairfinal_add": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.chairfinal"),
    "admin:committee_chairfinal_history": Rule("- 0 - 0 - 0 - - -", "- 0 - 0 - 0 - - -", "committee.chairfinal"),
    "admin:committee_chairfinal_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.chairfinal"),
    "admin:committee_chairfinal_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "committee.chairfinal"),
    "admin/committee/chairfinal/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.chairfinal"
    ),
    "admin:committee_override_changelist": Rule("- - - - - 0 - - -", "- - - - - 0 - - -", "committee.override"),
    "admin:committee_override_add": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.override"),
    "admin:committee_override_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.override"),
    "admin:committee_override_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.override"),
    "admin:committee_override_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.override"),
    "admin/committee/override/<path:object_id>/": Rule("- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "committee.override"),
    "admin:committee_scorechange_export": Rule("- - - - - - - - -", "- - - - - - - - -"),
    "admin:committee_scorechange_changelist": Rule("- 0 - 0 - 0 * - *", "- 0 - 0 - 0 * - *", "committee.scorechange"),
    "admin:committee_scorechange_add": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.scorechange"),
    "admin:committee_scorechange_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.scorechange"),
    "admin:committee_scorechange_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.scorechange"),
    "admin:committee_scorechange_change": Rule("- 0 - 0 - 0 * - *", "- - - - - - - - -", "committee.scorechange"),
    "admin/committee/scorechange/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.scorechange"
    ),
    "admin:people_conflict_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "people.conflict"),
    "admin:people_conflict_add": Rule("- - - - - - - - -", "- - - - - - - - -", "people.conflict"),
    "admin:people_conflict_history": Rule("- - - - - - - - -", "- - - - - - - - -", "people.conflict"),
    "admin:people_conflict_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "people.conflict"),
    "admin:people_conflict_change": Rule("- - - - - - - - -", "- - - - - - - - -", "people.conflict"),
    "admin/people/conflict/<path:object_id>/": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "people.conflict"),
    "admin:committee_clarification_changelist": Rule(
        "- - - - - 0 - - -", "- - - - - 0 - - -", "committee.clarification"
    ),
    "admin:committee_clarification_add": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.clarification"),
    "admin:committee_clarification_history": Rule("- 0 - 0 - 0 - - -", "- 0 - 0 - 0 - - -", "committee.clarification"),
    "admin:committee_clarification_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "committee.clarification"),
    "admin:committee_clarification_change": Rule("- - - - - 0 - - -", "- - - - - - - - -", "committee.clarification"),
    "admin/committee/clarification/<path:object_id>/": Rule(
        "- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "committee.clarification"
    ),
    "admin:app_list": Rule("- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -"),
    "upload-gate": Rule("- 0 0 0 0 0 + + +"),
    "admin-password-change": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    "admin:axes_accessattempt_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "axes.accessattempt"),
    "admin:axes_accessattempt_add": Rule("- - - - - - - - -", "- - - - - - - - -", "axes.accessattempt"),
    "admin:axes_accessattempt_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accessattempt"),
    "admin:axes_accessattempt_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accessattempt"),
    "admin:axes_accessattempt_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accessattempt"),
    "admin/axes/accessattempt/<path:object_id>/": Rule("- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "axes.accessattempt"),
    "admin:axes_accesslog_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "axes.accesslog"),
    "admin:axes_accesslog_add": Rule("- - - - - - - - -", "- - - - - - - - -", "axes.accesslog"),
    "admin:axes_accesslog_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accesslog"),
    "admin:axes_accesslog_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accesslog"),
    "admin:axes_accesslog_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "axes.accesslog"),
    "admin/axes/accesslog/<path:object_id>/": Rule("- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "axes.accesslog"),
    "admin:knox_authtoken_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "knox.authtoken"),
    "admin:knox_authtoken_add": Rule("- - - - - - - - -", "- - - - - - - - -", "knox.authtoken"),
    "admin:knox_authtoken_history": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "knox.authtoken"),
    "admin:knox_authtoken_delete": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "knox.authtoken"),
    "admin:knox_authtoken_change": Rule("- 0 - 0 - 0 + - +", "- 0 - 0 - 0 + - +", "knox.authtoken"),
    "admin/knox/authtoken/<path:object_id>/": Rule("- 4 - 4 - 4 - - -", "- 4 - 4 - 4 - - -", "knox.authtoken"),
    "api-provinces": Rule("- 0 0 0 0 0 + + +"),
    "api-not-found": Rule("- - - - - - - - -", "- - - - - - - - -"),  # any other /api/ address: the API's 404
    "api-rubric": Rule("- 4 4 4 4 4 * * *"),
    "api-entrant-obligations": Rule("- 4 4 4 4 4 + + -"),  # as the entrant's page; dates, not the mark
    "api-standings": Rule("- 4 4 4 4 4 + - -"),
    "api-awards": Rule("- 4 4 4 4 4 + - -"),
    "api-facts": Rule(None, "- 4 4 4 4 4 + - -"),
    "api-contest-standings": Rule("- 4 4 4 4 4 + - -"),
    "api-nominees": Rule("- 4 4 4 4 4 * * -"),
    "api-stage-picks": Rule("- 4 4 4 4 4 4 4 4"),  # a district contest is no stage: 404, as its page
    "api-nominee": Rule(None, "- 4 4 4 4 4 + + -", delete="- 4 4 4 4 4 + + -"),
    "schema": Rule("- 0 0 0 0 0 + + +"),
    "api-docs": Rule("- 0 0 0 0 0 + + +"),
    "set_language": Rule("0 0 0 0 0 0 + + +", "0 0 0 0 0 0 + + +"),
    "api-evidence": Rule("- 4 4 4 4 4 * * +", "- 4 4 4 4 4 - + -"),
    # tus: the collection takes no GET (405) and a POST without Tus-Resumable (412); an upload is
    # its sender's alone: anyone else gets 404, never its name or description.
    "api-uploads": Rule("- 0 0 0 0 0 0 0 0", "- 0 0 0 0 0 0 0 0"),
    "api-upload": Rule(
        "- 4 4 4 4 4 4 + 4", "- 0 0 0 0 0 0 + 0", "submissions.resumableupload", delete="- 4 4 4 4 4 4 + 4"
    ),
    "api-judgments": Rule("- 4 4 4 4 4 - - *", "- 4 4 4 4 4 - - +"),
    "committee:clarification": Rule("- 4 4 4 4 4 * * -", "- 4 4 4 4 4 - * -", "committee.clarification"),
    "committee:clarification_answer": Rule(None, "- 4 4 4 4 4 - + -", "committee.clarification"),
    "panel:judging_deadline": Rule("- 4 4 4 4 4 * - -", "- 4 4 4 4 4 + - -"),
    "panel:manage": Rule("- 4 4 4 4 4 * - -", "- 4 4 4 4 4 + - -"),
    "login": Rule("0 0 0 0 0 0 + + +", "0 0 0 0 0 0 + + +"),
    "logout": Rule(None, "- - - - - - - - -"),
    "password_change": Rule("- 0 0 0 0 0 + + +", "- 0 0 0 0 0 + + +"),
    "password_change_done": Rule("- 0 0 0 0 0 + + +"),
    "scoring:index": Rule("- 0 0 0 0 0 + + +"),
    "scoring:dashboard": Rule("- 4 4 4 4 4 * - -"),
    "scoring:live": Rule("- 4 4 4 4 4 * - -"),
    "scoring:settings": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:calendar": Rule("- 4 4 4 4 4 + - -"),
    "scoring:missing": Rule("- 4 4 4 4 4 + - -"),  # who has not sent, by name: whoever runs the contest
    "scoring:facts": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:facts_template": Rule("- 4 4 4 4 4 + - -"),
    # The district website contest is not staged: no stage page for anyone; the list names only a user's own.
    "stages:stages": Rule("- 0 0 0 0 0 0 0 0"),
    # Every year's results of the office's own contests: its staff; an organiser's, the contests it runs.
    "scoring:past": Rule("- 0 0 0 0 - + + 0"),
    "stages:stage_register": Rule(None, "- - - - - - - - -"),
    "stages:stage": Rule("- - - - - - - - -"),
    "stages:stage_export": Rule("- - - - - - - - -"),
    "stages:stage_file": Rule(None, "- - - - - - - - -"),
    "stages:stage_file_download": Rule("- - - - - - - - -", None, "contests.unit"),
    "stages:stage_pick": Rule(None, "- - - - - - - - -"),
    "stages:stage_withdraw": Rule(None, "- - - - - - - - -"),
    "scoring:contest_upload": Rule("- 0 - - - - + - -", "- 0 - - - - + - -"),
    # Another office's contest as the builder's template does not exist for an organiser (404); a POST
    # builds only what it carries, so it shows nobody else's contest.
    "builder:contest_builder": Rule("- 4 - - - - + - -", "- 0 - - - - + - -", query="?from=contest:{year}"),
    # The live preview scores only the rule the form carries, no stored contest: an empty form names no
    # criterion (404) for whoever runs contests; everyone else is refused.
    "builder:preview": Rule(None, "- 4 - - - - 4 - -"),
    "builder:contest_open": Rule(None, "- 4 4 4 4 4 + - -"),
    # The revision history (who changed the rules, when, why): the contest's organisers only, never its panel.
    "scoring:rubric_changes": Rule("- 4 4 4 4 4 * - -"),
    # A criterion's page (no criterion is named <code>: 404 to its runner); the entrant's staff sent on to its own.
    "scoring:criterion": Rule("- 4 4 4 4 4 4 + 4", "- 4 4 4 4 4 4 4 4"),
    "scoring:deadline_letter": Rule("- 4 4 4 4 4 4 4 4", None, "scoring.rubricchange"),
    "scoring:freeze": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:unfreeze": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:publish": Rule("- 4 4 4 4 4 + - -", "- 4 4 4 4 4 + - -"),
    "scoring:ties": Rule("- 4 4 4 4 4 + - -", "- 4 4 4 4 4 + - -"),
    "scoring:remind_late": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:withdraw": Rule(None, "- 4 4 4 4 4 + - -"),
    "scoring:mine": Rule("- 4 4 4 4 4 + + +"),  # the entrant's own page, before its results open; its panel: the matrix
    "scoring:results": Rule("- 4 4 4 4 4 - - -"),
    "submissions:home": Rule("0 0 0 0 0 0 * + +", "0 0 0 0 0 0 * + +"),  # a visitor: the landing page
    "submissions:provinces": Rule("- 0 0 0 0 0 * + +", "- 0 0 0 0 0 * + +"),  # the home, signed in
    "notices:announce": Rule("- - - - - - - - -", "- - - - - - - - -"),  # central staff alone
    "notices:announcement": Rule("- - - - - - - - -", None, "notices.announcement"),
    "notices:announcement_letter": Rule("- - - - - - - - -", None, "notices.announcement"),
    "submissions:province": Rule("- 4 4 4 4 4 * * -", "- 4 4 4 4 4 * * -"),
    "submissions:innovation": Rule("- 4 4 4 4 4 - - -", "- 4 4 4 4 4 - - -"),
    "submissions:nominee": Rule(None, "- 4 4 4 4 4 + + -"),
    "submissions:nominee-withdraw": Rule(None, "- 4 4 4 4 4 + + -"),
    "submissions:criterion": Rule("- 4 4 4 4 4 * * -", "- 4 4 4 4 4 * * -"),
    "submissions:upload": Rule(None, "- 4 4 4 4 4 - + -"),
    "submissions:link": Rule(None, "- 4 4 4 4 4 - + -"),
    "submissions:answers": Rule(None, "- 4 4 4 4 4 - + -"),
    "submissions:withdraw": Rule("- 4 4 4 4 4 - * -", "- 4 4 4 4 4 - + -", "submissions.evidence"),
    "submissions:download": Rule("- 4 4 4 4 4 * * -", "- 4 4 4 4 4 * * -", "submissions.evidence"),
    "api-export": Rule("- 4 4 4 4 4 + - -"),
    "api-documents": Rule(None, "- 4 4 4 4 4 + - -"),
    "api-document": Rule("- 4 4 4 4 4 + - -", None, "awards.generateddocument"),
    "api-document-file": Rule("- 4 4 4 4 4 + - -", None, "awards.generateddocument"),
    "awards:index": Rule("- - - - - 0 - - -"),
    "awards:results": Rule("- 4 4 4 4 4 * - -"),
    "awards:document_create": Rule(None, "- 4 4 4 4 4 + - -"),
    "awards:signature": Rule(None, "- 4 4 4 4 4 + - -"),
    "awards:signing_certificate": Rule(None, "- - - - - - - - -"),
    "awards:status": Rule("- 4 4 4 4 4 + - -", None, "awards.generateddocument"),
    "awards:download": Rule("- 4 4 4 4 4 * - -", None, "awards.generateddocument"),
    "ops:healthz": Rule("0 0 0 0 0 0 + + +"),
    "ops:metrics": Rule("0 0 0 0 0 0 + + +"),
    "ops:status": Rule("- - - - - - - - -"),
    # Whom to call names each contest the user runs or enters, with its organising office's desk.
    "ops:help": Rule("0 0 0 0 0 0 + + 0"),
    "ops:help_role": Rule("0 0 0 0 0 0 + + 0"),
    "ops:contacts": Rule("- 0 - - - - + - -", "- - - - - - + - -"),  # an organiser sets its own contests' desks
    "admin:ops_sitecontact_changelist": Rule("- - - - - - - - -", "- - - - - - - - -", "ops.sitecontact"),
    "admin:ops_sitecontact_add": Rule("- - - - - - - - -", "- - - - - - - - -", "ops.sitecontact"),
    "admin:ops_sitecontact_history": Rule("- - - - - - - - -", "- - - - - - - - -", "ops.sitecontact"),
    "admin:ops_sitecontact_delete": Rule("- - - - - - - - -", "- - - - - - - - -", "ops.sitecontact"),
    "admin:ops_sitecontact_change": Rule("- - - - - - - - -", "- - - - - - - - -", "ops.sitecontact"),
    "admin/ops/sitecontact/<path:object_id>/": Rule("- + - + - + + - +", "- + - + - + + - +", "ops.sitecontact"),
    "ops:next_year": Rule("- - - - - - - - -", "- - - - - - - - -"),
    "ops:year_on_year": Rule("- - - - - - - - -"),
    "ops:year_on_year_province": Rule("- 4 4 4 4 4 - - -"),
    "ops:province_export": Rule("- 4 4 4 4 4 - - -"),
    # Public: the form for everyone; <code> (a unit's code here) is no verification code, so not found.
    "verify:index": Rule("0 0 0 0 0 0 + + +"),
    "verify:page": Rule("- - - - - - - - -"),
}

# Leaks this matrix finds in code another change is fixing: route -> (the roles it leaks to, what
# leaks and where the fix belongs). Strict: a fixed leak fails until its entry is removed.
COMMITTEE = ("committee",)
SIGNED_IN = ("other_organiser", "other_district", "other_panelist", "office_staff", "committee")
KNOWN_LEAKS: dict[str, tuple[tuple[str, ...], str]] = {}
