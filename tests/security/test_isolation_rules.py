"""The one table of who may get what: every route (by URL name) and method, per role.

Roles, in order: anonymous, provincial staff of another province (Phuket), committee member
conflicted with TH-50, committee, chair, central staff. Every request targets TH-50's objects.
  -  refused: 401/403/404 or sent to a login page
  0  served, but TH-50's data must not be in it (a list filtered to the user's own province)
  +  served, and the role may legitimately see TH-50's data
  4  refused as not found (404): a contest the user may not see does not exist for them
  *  served with the target's data: a positive control (tests/security/office/)
"""

from dataclasses import dataclass, field

from .conftest import schema_operations, url_patterns


@dataclass(frozen=True)
class Rule:
    get: str | None = None
    post: str | None = None
    obj: str | None = None  # model label of the TH-50 object whose pk fills <pk> or <object_id>
    query: str = ""  # appended to the path, its {names} filled as the route's: "?year={year}"
    delete: str | None = None  # an API operation that takes DELETE (withdrawing a nominee)
    methods: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        pairs = (("GET", self.get), ("POST", self.post), ("DELETE", self.delete))
        self.methods.update({m: e for m, e in pairs if e})


# Admin's own views that show no province's data, skipped with the reason.
SKIP = {
    "admin:login": "admin's login form, no data",
    "admin:logout": "ends the session, no data",
    "admin:jsi18n": "admin's translated JavaScript catalogue, static",
    "admin:view_on_site": "redirects to a model's get_absolute_url; no model here defines one",
    "admin/(?P<url>.*)$": "admin's catch-all: 404 or redirect to its login",
    "admin:password_change_done": "a static confirmation page",
    # Its answer depends on the worker and Redis of the run, not on who asks (tests/ops/test_health.py).
    "ops:readyz": "the operators' readiness probe: the same checks for everyone, no province's data",
}

RULES = {
    "admin:index": Rule("- - 0 0 0 0", "- - 0 0 0 0"),
    "admin:password_change": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),  # to the portal's counted page
    "admin:autocomplete": Rule("- - - - - -"),
    "admin:contests_unit_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "contests.unit"),
    "admin:contests_unit_add": Rule("- - - - - -", "- - - - - -", "contests.unit"),
    "admin:contests_unit_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "contests.unit"),
    "admin:contests_unit_delete": Rule("- - - - - -", "- - - - - -", "contests.unit"),
    "admin:contests_unit_change": Rule("- - 0 0 0 0", "- - - - - -", "contests.unit"),
    "admin/contests/unit/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "contests.unit"),
    "admin:scoring_rubric_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.rubric"),
    "admin:scoring_rubric_add": Rule("- - - - - 0", "- - - - - 0", "scoring.rubric"),
    "admin:scoring_rubric_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.rubric"),
    "admin:scoring_rubric_delete": Rule("- - - - - -", "- - - - - -", "scoring.rubric"),
    "admin:scoring_rubric_change": Rule("- - 0 0 0 0", "- - - - - 0", "scoring.rubric"),
    "admin/scoring/rubric/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.rubric"),
    "admin:scoring_criterion_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.criterion"),
    "admin:scoring_criterion_add": Rule("- - - - - -", "- - - - - -", "scoring.criterion"),
    "admin:scoring_criterion_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.criterion"),
    "admin:scoring_criterion_delete": Rule("- - - - - -", "- - - - - -", "scoring.criterion"),
    "admin:scoring_criterion_change": Rule("- - 0 0 0 0", "- - - - - 0", "scoring.criterion"),
    "admin/scoring/criterion/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.criterion"),
    "admin:scoring_fact_template": Rule("- - - - - 0", "- - - - - 0"),
    "admin:scoring_fact_process_import": Rule(None, "- - - - - 0"),
    "admin:scoring_fact_import": Rule("- - - - - 0", "- - - - - 0"),
    "admin:scoring_fact_export": Rule("- - 0 0 0 0", "- - 0 0 0 0"),
    "admin:scoring_fact_changelist": Rule("- - 0 + + +", "- - 0 + + +", "scoring.fact"),
    "admin:scoring_fact_add": Rule("- - - - - -", "- - - - - -", "scoring.fact"),
    "admin:scoring_fact_history": Rule("- - 0 + + +", "- - 0 + + +", "scoring.fact"),
    "admin:scoring_fact_delete": Rule("- - - - - -", "- - - - - -", "scoring.fact"),
    "admin:scoring_fact_change": Rule("- - 0 + + +", "- - - - - -", "scoring.fact"),
    "admin/scoring/fact/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.fact"),
    "admin:scoring_factchange_changelist": Rule("- - - - - +", "- - - - - +", "scoring.factchange"),
    "admin:scoring_factchange_add": Rule("- - - - - -", "- - - - - -", "scoring.factchange"),
    "admin:scoring_factchange_history": Rule("- - 0 - - +", "- - 0 - - +", "scoring.factchange"),
    "admin:scoring_factchange_delete": Rule("- - - - - -", "- - - - - -", "scoring.factchange"),
    "admin:scoring_factchange_change": Rule("- - - - - +", "- - - - - -", "scoring.factchange"),
    "admin/scoring/factchange/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.factchange"),
    "admin:scoring_holidayoverride_changelist": Rule("- - - - - 0", "- - - - - 0", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_add": Rule("- - - - - 0", "- - - - - 0", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverride"),
    "admin:scoring_holidayoverride_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverride"),
    "admin/scoring/holidayoverride/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "scoring.holidayoverride"),
    "admin:scoring_holidayoverridechange_changelist": Rule(
        "- - - - - 0", "- - - - - 0", "scoring.holidayoverridechange"
    ),
    "admin:scoring_holidayoverridechange_add": Rule("- - - - - -", "- - - - - -", "scoring.holidayoverridechange"),
    "admin:scoring_holidayoverridechange_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverridechange"),
    "admin:scoring_holidayoverridechange_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverridechange"),
    "admin:scoring_holidayoverridechange_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.holidayoverridechange"),
    "admin/scoring/holidayoverridechange/<path:object_id>/": Rule(
        "- - - - - -", "- - - - - -", "scoring.holidayoverridechange"
    ),
    "admin:scoring_standing_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.standing"),
    "admin:scoring_standing_add": Rule("- - - - - -", "- - - - - -", "scoring.standing"),
    "admin:scoring_standing_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.standing"),
    "admin:scoring_standing_delete": Rule("- - - - - -", "- - - - - -", "scoring.standing"),
    "admin:scoring_standing_change": Rule("- - 0 0 0 0", "- - - - - -", "scoring.standing"),
    "admin/scoring/standing/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.standing"),
    # Nominees: read-only, for central staff and organisers (none of the six roles here is an organiser).
    "admin:nominees_nominee_changelist": Rule("- - - - - 0", "- - - - - 0", "nominees.nominee"),
    "admin:nominees_nominee_add": Rule("- - - - - -", "- - - - - -", "nominees.nominee"),
    "admin:nominees_nominee_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "nominees.nominee"),
    "admin:nominees_nominee_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "nominees.nominee"),
    "admin:nominees_nominee_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "nominees.nominee"),
    "admin/nominees/nominee/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "nominees.nominee"),
    # Seed 002's stages (stages.admin), read-only; these worlds hold no stage: the rows of one
    # office's picks against another's are tests/scoring/admin/test_admin_stages.py's.
    "admin:stages_stage_changelist": Rule("- - - - - 0", "- - - - - 0", "stages.stage"),
    "admin:stages_stage_add": Rule("- - - - - -", "- - - - - -", "stages.stage"),
    "admin:stages_stage_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stage"),
    "admin:stages_stage_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stage"),
    "admin:stages_stage_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stage"),
    "admin/stages/stage/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "stages.stage"),
    "admin:stages_stageentry_changelist": Rule("- - - - - 0", "- - - - - 0", "stages.stageentry"),
    "admin:stages_stageentry_add": Rule("- - - - - -", "- - - - - -", "stages.stageentry"),
    "admin:stages_stageentry_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stageentry"),
    "admin:stages_stageentry_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stageentry"),
    "admin:stages_stageentry_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.stageentry"),
    "admin/stages/stageentry/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "stages.stageentry"),
    "admin:stages_pastmodel_changelist": Rule("- - - - - 0", "- - - - - 0", "stages.pastmodel"),
    "admin:stages_pastmodel_add": Rule("- - - - - -", "- - - - - -", "stages.pastmodel"),
    "admin:stages_pastmodel_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.pastmodel"),
    "admin:stages_pastmodel_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.pastmodel"),
    "admin:stages_pastmodel_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.pastmodel"),
    "admin/stages/pastmodel/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "stages.pastmodel"),
    "admin:stages_registersource_changelist": Rule("- - - - - 0", "- - - - - 0", "stages.registersource"),
    "admin:stages_registersource_add": Rule("- - - - - -", "- - - - - -", "stages.registersource"),
    "admin:stages_registersource_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.registersource"),
    "admin:stages_registersource_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.registersource"),
    "admin:stages_registersource_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "stages.registersource"),
    "admin/stages/registersource/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "stages.registersource"),
    # accounts: the sign-in audit, a person's own pages, account links, the sheet
    "admin:accounts_accountevent_changelist": Rule("- - - - - 0", "- - - - - 0", "accounts.accountevent"),
    "admin:accounts_accountevent_add": Rule("- - - - - -", "- - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_history": Rule("- - - - - 0", "- - - - - 0", "accounts.accountevent"),
    "admin:accounts_accountevent_delete": Rule("- - - - - -", "- - - - - -", "accounts.accountevent"),
    "admin:accounts_accountevent_change": Rule("- - - - - 0", "- - - - - -", "accounts.accountevent"),
    "admin/accounts/accountevent/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "accounts.accountevent"),
    "accounts:account": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    # A person's own notices (notices/): the inbox lists only theirs; read and preferences touch only theirs.
    "notices:inbox": Rule("- 0 0 0 0 0"),
    "notices:read": Rule(None, "- 0 0 0 0 0"),
    "notices:preferences": Rule(None, "- 0 0 0 0 0"),
    "accounts:second_factor": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    # LINE (docs/line.md): one's own link code and unlinking, never another's. The matrix runs with LINE off:
    # connecting goes back to the account page and the webhook is not found for anyone (with LINE on, a post
    # without LINE's signature is 400 and changes nothing: tests/notices/channels/line/test_link.py).
    "accounts:line_connect": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    "accounts:line_unlink": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    "accounts:line_status": Rule("- 0 0 0 0 0"),  # whether one's own LINE is linked
    # A calendar address (docs/calendar.md): made and stopped by its owner only, POST only; the feed is read by
    # its secret alone, so a forged one is not found for anyone, signed in or not.
    "accounts:calendar_make": Rule(None, "- 0 0 0 0 0"),
    "accounts:calendar_revoke": Rule(None, "- 0 0 0 0 0"),
    "calendar_feed": Rule("- - - - - -"),
    "line:webhook": Rule("0 0 0 0 0 0", "- - - - - -"),  # GET: 405, posts only
    "accounts:second_factor_continue": Rule("- 0 0 0 0 0"),  # nothing kept: the code's page, or "nothing saved"
    # Passkeys (django-otp-webauthn): JSON ceremonies, POST only. Adding one needs the app first (403 for all
    # here); beginning a confirmation lists only the person's own keys; the catalogue is the library's texts.
    "otp_webauthn:credential-registration-begin": Rule(None, "- - - - - -"),
    "otp_webauthn:credential-registration-complete": Rule(None, "- - - - - -"),
    "otp_webauthn:credential-authentication-begin": Rule(None, "- 0 0 0 0 0"),
    "otp_webauthn:credential-authentication-complete": Rule(None, "- 0 0 0 0 0"),
    "otp_webauthn:js-i18n-catalog": Rule("0 0 0 0 0 0"),
    "accounts:email_confirm": Rule("0 0 0 0 0 0"),
    "accounts:invitation": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),
    "accounts:reset": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),
    "accounts:reset_sent": Rule("0 0 0 0 0 0"),
    "accounts:reset_confirm": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),
    "accounts:provision": Rule("- - - - - 0", "- - - - - 0"),
    "accounts:provision_template": Rule("- - - - - 0"),
    "accounts:unused": Rule("- - - - - 0", "- - - - - 0"),
    "admin:auth_user_password_change": Rule("- - - - - -", "- - - - - -", "auth.user"),  # nobody types another's
    "admin:auth_user_changelist": Rule("- - - - - 0", "- - - - - 0", "auth.user"),
    "admin:auth_user_add": Rule("- - - - - 0", "- - - - - 0", "auth.user"),
    "admin:auth_user_history": Rule("- - - - - 0", "- - - - - 0", "auth.user"),
    "admin:auth_user_delete": Rule("- - - - - -", "- - - - - -", "auth.user"),  # closed, never deleted
    "admin:auth_user_change": Rule("- - - - - 0", "- - - - - 0", "auth.user"),
    "admin/auth/user/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "auth.user"),
    "admin:submissions_uploadlimit_changelist": Rule("- - - - - 0", "- - - - - 0", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_add": Rule("- - - - - 0", "- - - - - 0", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.uploadlimit"),
    "admin:submissions_uploadlimit_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.uploadlimit"),
    "admin/submissions/uploadlimit/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "submissions.uploadlimit"),
    "admin:submissions_submission_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.submission"),
    "admin:submissions_submission_add": Rule("- - - - - -", "- - - - - -", "submissions.submission"),
    "admin:submissions_submission_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.submission"),
    "admin:submissions_submission_delete": Rule("- - - - - -", "- - - - - -", "submissions.submission"),
    "admin:submissions_submission_change": Rule("- - 0 0 0 0", "- - - - - -", "submissions.submission"),
    "admin/submissions/submission/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.submission"),
    "admin:submissions_innovationreport_changelist": Rule("- - 0 + + +", "- - 0 + + +", "submissions.innovationreport"),
    "admin:submissions_innovationreport_add": Rule("- - - - - -", "- - - - - -", "submissions.innovationreport"),
    "admin:submissions_innovationreport_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "submissions.innovationreport"),
    "admin:submissions_innovationreport_delete": Rule("- - - - - -", "- - - - - -", "submissions.innovationreport"),
    "admin:submissions_innovationreport_change": Rule("- - 0 + + +", "- - - - - -", "submissions.innovationreport"),
    "admin/submissions/innovationreport/<path:object_id>/": Rule(
        "- - 0 0 0 0", "- - 0 0 0 0", "submissions.innovationreport"
    ),
    "admin:scoring_awardtier_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.awardtier"),
    "admin:scoring_awardtier_add": Rule("- - - - - -", "- - - - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.awardtier"),
    "admin:scoring_awardtier_delete": Rule("- - - - - -", "- - - - - -", "scoring.awardtier"),
    "admin:scoring_awardtier_change": Rule("- - 0 0 0 0", "- - - - - -", "scoring.awardtier"),
    "admin/scoring/awardtier/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.awardtier"),
    "admin:awards_awardsignature_changelist": Rule("- - - - - 0", "- - - - - 0", "awards.awardsignature"),
    "admin:awards_awardsignature_add": Rule("- - - - - 0", "- - - - - 0", "awards.awardsignature"),
    "admin:awards_awardsignature_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.awardsignature"),
    "admin:awards_awardsignature_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.awardsignature"),
    "admin:awards_awardsignature_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.awardsignature"),
    "admin/awards/awardsignature/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "awards.awardsignature"),
    "admin:awards_signingcertificate_changelist": Rule("- - - - - 0", "- - - - - 0", "awards.signingcertificate"),
    "admin:awards_signingcertificate_add": Rule("- - - - - -", "- - - - - -", "awards.signingcertificate"),
    "admin:awards_signingcertificate_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.signingcertificate"),
    "admin:awards_signingcertificate_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.signingcertificate"),
    "admin:awards_signingcertificate_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.signingcertificate"),
    "admin/awards/signingcertificate/<path:object_id>/": Rule(
        "- - - - - -", "- - - - - -", "awards.signingcertificate"
    ),
    "admin:awards_generateddocument_changelist": Rule("- - - - - 0", "- - - - - 0", "awards.generateddocument"),
    "admin:awards_generateddocument_add": Rule("- - - - - -", "- - - - - -", "awards.generateddocument"),
    "admin:awards_generateddocument_history": Rule("- - - - - 0", "- - - - - 0", "awards.generateddocument"),
    "admin:awards_generateddocument_delete": Rule("- - - - - -", "- - - - - -", "awards.generateddocument"),
    "admin:awards_generateddocument_change": Rule("- - - - - +", "- - - - - -", "awards.generateddocument"),
    "admin/awards/generateddocument/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "awards.generateddocument"),
    "admin:committee_matrix": Rule("- - 0 0 0 0", "- - 0 0 0 0"),
    "admin:committee_next": Rule("- - 0 0 0 0", "- - 0 0 0 0"),
    "admin:committee_score": Rule("- - - + + +", "- - - + + +"),
    "admin:committee_evidence": Rule("- - - + + +", "- - - + + +", "submissions.evidence"),
    "admin:committee_evidence_file": Rule("- - - + + +", "- - - + + +", "submissions.evidence"),
    "admin:committee_judgment_import": Rule("- - - - - 0", "- - - - - 0"),
    "admin:committee_judgment_template": Rule("- - - - - 0", "- - - - - 0"),
    "admin:committee_judgment_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.judgment"),
    "admin:committee_judgment_add": Rule("- - - - - -", "- - - - - -", "committee.judgment"),
    "admin:committee_judgment_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.judgment"),
    "admin:committee_judgment_delete": Rule("- - - - - -", "- - - - - -", "committee.judgment"),
    "admin:committee_judgment_change": Rule("- - 0 + + +", "- - - - - -", "committee.judgment"),
    "admin/committee/judgment/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.judgment"),
    "admin:committee_chairfinal_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.chairfinal"),
    "admin:committee_chairfinal_add": Rule("- - - - - -", "- - - - - -", "committee.chairfinal"),
    "admin:committee_chairfinal_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.chairfinal"),
    "admin:committee_chairfinal_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.chairfinal"),
    "admin:committee_chairfinal_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.chairfinal"),
    "admin/committee/chairfinal/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "committee.chairfinal"),
    "admin:committee_override_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.override"),
    "admin:committee_override_add": Rule("- - - - - -", "- - - - - -", "committee.override"),
    "admin:committee_override_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.override"),
    "admin:committee_override_delete": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.override"),
    "admin:committee_override_change": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.override"),
    "admin/committee/override/<path:object_id>/": Rule("- - - - - -", "- - - - - -", "committee.override"),
    "admin:committee_scorechange_export": Rule("- - - - + +", "- - - - + +"),
    "admin:committee_scorechange_changelist": Rule("- - 0 + + +", "- - 0 + + +", "committee.scorechange"),
    "admin:committee_scorechange_add": Rule("- - - - - -", "- - - - - -", "committee.scorechange"),
    "admin:committee_scorechange_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.scorechange"),
    "admin:committee_scorechange_delete": Rule("- - - - - -", "- - - - - -", "committee.scorechange"),
    "admin:committee_scorechange_change": Rule("- - 0 + + +", "- - - - - -", "committee.scorechange"),
    "admin/committee/scorechange/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.scorechange"),
    "admin:people_conflict_changelist": Rule("- - - - - +", "- - - - - +", "people.conflict"),
    "admin:people_conflict_add": Rule("- - - - - 0", "- - - - - 0", "people.conflict"),
    "admin:people_conflict_history": Rule("- - - - - 0", "- - - - - 0", "people.conflict"),
    "admin:people_conflict_delete": Rule("- - - - - 0", "- - - - - 0", "people.conflict"),
    "admin:people_conflict_change": Rule("- - - - - +", "- - - - - -", "people.conflict"),
    "admin/people/conflict/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "people.conflict"),
    "admin:committee_clarification_changelist": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.clarification"),
    "admin:committee_clarification_add": Rule("- - - - - -", "- - - - - -", "committee.clarification"),
    "admin:committee_clarification_history": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.clarification"),
    "admin:committee_clarification_delete": Rule("- - - - - -", "- - - - - -", "committee.clarification"),
    "admin:committee_clarification_change": Rule("- - 0 + + +", "- - - - - -", "committee.clarification"),
    "admin/committee/clarification/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "committee.clarification"),
    "admin:app_list": Rule("- - - - - -", "- - - - - -"),
    "upload-gate": Rule("- 0 0 0 0 0"),
    "admin-password-change": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    "admin:axes_accessattempt_changelist": Rule("- - - - - 0", "- - - - - 0", "axes.accessattempt"),
    "admin:axes_accessattempt_add": Rule("- - - - - -", "- - - - - -", "axes.accessattempt"),
    "admin:axes_accessattempt_history": Rule("- - - - - 0", "- - - - - 0", "axes.accessattempt"),
    "admin:axes_accessattempt_delete": Rule("- - - - - 0", "- - - - - 0", "axes.accessattempt"),
    "admin:axes_accessattempt_change": Rule("- - - - - 0", "- - - - - -", "axes.accessattempt"),
    "admin/axes/accessattempt/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "axes.accessattempt"),
    "admin:axes_accesslog_changelist": Rule("- - - - - 0", "- - - - - 0", "axes.accesslog"),
    "admin:axes_accesslog_add": Rule("- - - - - -", "- - - - - -", "axes.accesslog"),
    "admin:axes_accesslog_history": Rule("- - - - - 0", "- - - - - 0", "axes.accesslog"),
    "admin:axes_accesslog_delete": Rule("- - - - - 0", "- - - - - 0", "axes.accesslog"),
    "admin:axes_accesslog_change": Rule("- - - - - 0", "- - - - - -", "axes.accesslog"),
    "admin/axes/accesslog/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "axes.accesslog"),
    "admin:knox_authtoken_changelist": Rule("- - - - - 0", "- - - - - 0", "knox.authtoken"),
    "admin:knox_authtoken_add": Rule("- - - - - 0", "- - - - - 0", "knox.authtoken"),
    "admin:knox_authtoken_history": Rule("- - - - - 0", "- - - - - 0", "knox.authtoken"),
    "admin:knox_authtoken_delete": Rule("- - - - - 0", "- - - - - 0", "knox.authtoken"),
    "admin:knox_authtoken_change": Rule("- - - - - 0", "- - - - - -", "knox.authtoken"),
    "admin/knox/authtoken/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "knox.authtoken"),
    "api-provinces": Rule("- 0 0 0 0 0"),
    "api-not-found": Rule("- - - - - -", "- - - - - -"),  # any other /api/ address: the API's 404 JSON
    "api-rubric": Rule("- 0 0 0 0 0"),
    "api-entrant-obligations": Rule("- - - + + +"),  # as the entrant's page (submissions:province)
    "api-standings": Rule("- - - - - 0"),
    "api-awards": Rule("- - - - - 0"),
    "api-facts": Rule(None, "- - - - - 0"),
    "api-contest-standings": Rule("- - - - - 0"),
    # The national contest takes no nominees: 404 for all (tests/nominees/test_api_nominees.py has the rest).
    "api-nominees": Rule("- - - - - -"),
    "api-nominee": Rule(None, "- - - - - -", delete="- - - - - -"),
    # The national contest is no stage: 404 for all (tests/stages/test_stage_files_budget.py has a stage's own).
    "api-stage-picks": Rule("- - - - - -"),
    "schema": Rule("- 0 0 0 0 0"),
    "api-docs": Rule("- 0 0 0 0 0"),
    "admin:scoring_rubricchange_changelist": Rule("- - - - - +", "- - - - - +", "scoring.rubricchange"),
    "admin:scoring_rubricchange_add": Rule("- - - - - -", "- - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_history": Rule("- - - - - +", "- - - - - +", "scoring.rubricchange"),
    "admin:scoring_rubricchange_delete": Rule("- - - - - -", "- - - - - -", "scoring.rubricchange"),
    "admin:scoring_rubricchange_change": Rule("- - - - - +", "- - - - - -", "scoring.rubricchange"),
    "admin/scoring/rubricchange/<path:object_id>/": Rule("- - 0 0 0 0", "- - 0 0 0 0", "scoring.rubricchange"),
    "set_language": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),
    "api-evidence": Rule("- 0 0 + + +", "- 0 - - - -"),
    # tus: the collection takes no GET (405) and a POST without Tus-Resumable (412); an upload is
    # its sender's alone: anyone else gets 404, never its name or description.
    "api-uploads": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    "api-upload": Rule("- - - - - -", "- 0 0 0 0 0", "submissions.resumableupload", delete="- - - - - -"),
    "api-judgments": Rule("- - 0 + 0 -", "- - 0 0 0 -"),
    "committee:clarification": Rule("- - - + + +", "- - - + + -", "committee.clarification"),
    # Only the unit's own staff answer from the criterion's page: everyone else as if the question did not exist.
    "committee:clarification_answer": Rule(None, "- - - - - -", "committee.clarification"),
    # By when judging ends: whoever runs the contest sets it (central staff nationally); the page names no unit.
    "panel:judging_deadline": Rule("- - - - - 0", "- - - - - 0"),
    # A provincial office's contest panel; the national contest has none (its committee is the Department's).
    "panel:manage": Rule("- - - - - -", "- - - - - -"),
    "login": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),
    "logout": Rule(None, "- - - - - -"),
    "password_change": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),
    "password_change_done": Rule("- 0 0 0 0 0"),
    "scoring:index": Rule("- 0 0 0 0 0"),
    "scoring:dashboard": Rule("- - - - - 0"),
    "scoring:live": Rule("- - - - - 0"),
    "scoring:settings": Rule(None, "- - - - - 0"),
    "scoring:calendar": Rule("- - - - - 0"),
    "scoring:missing": Rule("- - - - - +"),  # who has not sent, by name: whoever runs the contest
    "scoring:facts": Rule(None, "- - - - - 0"),
    "scoring:facts_template": Rule("- - - - - +"),  # the contest's fact template: whoever runs it
    # Selections in stages (seed 002): the list shows each user only the stages they take part in; a
    # contest that is not staged (the national one) has no stage page: 404 for all.
    "stages:stages": Rule("- 0 0 0 0 0"),
    "scoring:past": Rule("- 0 - - - -"),  # every year's results of the office's own contests: office staff
    "stages:stage_register": Rule(None, "- - - - - 0"),  # central staff import the register of past models
    "stages:stage": Rule("- - - - - -"),
    "stages:stage_export": Rule("- - - - - -"),  # the stage page's picks as a file: the page's own scope
    "stages:stage_file": Rule(None, "- - - - - -"),
    # A file sent for a pick: the stage page's own scope, under a staged contest only (the roles of a staged
    # one: tests/stages/test_stage_file_download.py); <pk> is any id here.
    "stages:stage_file_download": Rule("- - - - - -", None, "contests.unit"),
    "stages:stage_pick": Rule(None, "- - - - - -"),
    "stages:stage_withdraw": Rule(None, "- - - - - -"),
    "scoring:contest_upload": Rule("- - - - - 0", "- - - - - 0"),
    # The builder, opened on the contest as a template: whoever runs contests, the contest's runner only.
    "builder:contest_builder": Rule("- - - - - 0", "- - - - - 0", query="?from=contest:{year}"),
    # The builder's live preview answers only for the form it is posted; an empty one names no criterion.
    "builder:preview": Rule(None, "- - - - - 4"),
    "builder:contest_open": Rule(None, "- - - - - 0"),  # the national contest is open already: said so
    "scoring:rubric_changes": Rule("- - - - - +"),  # the revision history: whoever runs the contest
    # A criterion's page where its deadline moves: whoever runs the contest (here no criterion is named <code>:
    # 404); an entrant's staff are sent on to their own page of it (nothing of TH-50's); nobody else.
    "scoring:criterion": Rule("- 0 - - - -", "- - - - - -"),
    "scoring:deadline_letter": Rule("- - - - - -", None, "scoring.rubricchange"),  # a change with no letter kept
    "scoring:freeze": Rule(None, "- - - - - 0"),
    "scoring:unfreeze": Rule(None, "- - - - - 0"),
    "scoring:publish": Rule("- - - - - 0", "- - - - - 0"),  # GET previews, a confirmed POST publishes
    "scoring:ties": Rule("- - - - - 0", "- - - - - 0"),  # whoever runs the contest settles its ties
    "scoring:remind_late": Rule(None, "- - - - - 0"),  # whoever runs the contest reminds the late
    "scoring:withdraw": Rule(None, "- - - - - 0"),
    # Its own office's page (nothing of TH-50's), even before results open; a judge is sent on to the matrix.
    "scoring:mine": Rule("- 0 0 0 0 0"),
    "scoring:results": Rule("- - - - - -"),
    "submissions:home": Rule("0 0 0 0 0 0", "0 0 0 0 0 0"),  # a visitor: the landing page; central: the dashboard
    "submissions:provinces": Rule("- 0 0 0 0 0", "- 0 0 0 0 0"),  # everyone's home but central's, in their menu
    "notices:announce": Rule("- - - - - 0", "- - - - - 0"),  # central staff write to every office
    # An announcement and its letter, to its readers only (tests/notices/test_announcements.py): here none exists.
    "notices:announcement": Rule("- - - - - -", None, "notices.announcement"),
    "notices:announcement_letter": Rule("- - - - - -", None, "notices.announcement"),
    "submissions:province": Rule("- - - + + +", "- - - + + +"),
    "submissions:innovation": Rule("- - - + + +", "- - - - - -"),
    "submissions:nominee": Rule(None, "- - - - - -"),  # the national contest takes no nominees: 404
    "submissions:nominee-withdraw": Rule(None, "- - - - - -"),
    "submissions:criterion": Rule("- - - + + +", "- - - + + +"),
    "submissions:upload": Rule(None, "- - - - - -"),
    "submissions:link": Rule(None, "- - - - - -"),
    "submissions:answers": Rule(None, "- - - - - -"),  # an entrant's answers: as its evidence
    "submissions:withdraw": Rule("- - - - - -", "- - - - - -", "submissions.evidence"),
    "submissions:download": Rule("- - - + + +", "- - - + + +", "submissions.evidence"),
    "api-export": Rule("- - - - - +"),
    "api-documents": Rule(None, "- - - - - 0"),
    "api-document": Rule("- - - - - 0", None, "awards.generateddocument"),
    "api-document-file": Rule("- - - - - +", None, "awards.generateddocument"),
    "awards:index": Rule("- - 0 0 0 0"),
    "awards:results": Rule("- - 0 0 0 0"),
    "awards:document_create": Rule(None, "- - - - - 0"),
    "awards:signature": Rule(None, "- - - - - 0"),
    "awards:signing_certificate": Rule(None, "- - - - - 0"),
    "awards:status": Rule("- - - - - 0", None, "awards.generateddocument"),
    "awards:download": Rule("- - - - - +", None, "awards.generateddocument"),
}

# Operations (ops/): probes and metrics answer everyone on loopback (the test client's address) and show
# no province's data; the rest is central staff's, or TH-50's own.
RULES.update(
    {
        "ops:healthz": Rule("0 0 0 0 0 0"),
        "ops:metrics": Rule("0 0 0 0 0 0"),
        "ops:status": Rule("- - - - - 0"),
        # Help and the help desk's contacts: everyone, signed in or not (a locked-out user needs them most).
        "ops:help": Rule("0 0 0 0 0 0"),
        "ops:help_role": Rule("0 0 0 0 0 0"),
        "ops:contacts": Rule("- - - - - 0", "- - - - - 0"),  # central staff set the help desk's contacts
        "admin:ops_sitecontact_changelist": Rule("- - - - - 0", "- - - - - 0", "ops.sitecontact"),
        "admin:ops_sitecontact_add": Rule("- - - - - -", "- - - - - -", "ops.sitecontact"),  # its one row exists
        "admin:ops_sitecontact_history": Rule("- - - - - 0", "- - - - - 0", "ops.sitecontact"),
        "admin:ops_sitecontact_delete": Rule("- - - - - -", "- - - - - -", "ops.sitecontact"),
        "admin:ops_sitecontact_change": Rule("- - - - - 0", "- - - - - 0", "ops.sitecontact"),
        "admin/ops/sitecontact/<path:object_id>/": Rule("- + + + + +", "- + + + + +", "ops.sitecontact"),  # to /change/
        "ops:next_year": Rule("- - - - - 0", "- - - - - 0"),
        "ops:year_on_year": Rule("- - - - - +"),
        "ops:year_on_year_province": Rule("- - - - - +"),
        "ops:province_export": Rule("- - - - - +"),
    }
)

# The public verification pages: the form answers everyone and shows no contest's data; <code> here is
# TH-50, no verification code, so its page is not found for anyone (an issued code's page is the same
# for every role: tests/awards/test_verify.py).
RULES.update({"verify:index": Rule("0 0 0 0 0 0"), "verify:page": Rule("- - - - - -")})

# Leaks found by this matrix and not yet fixed (the fix belongs to submissions/): the rows above say
# what must hold; these cells fail today and are expected to fail, strictly, until the fix lands.
# Routes known to leak, each with its reason; strict: a fixed leak fails until its entry is removed.
KNOWN_LEAKS: dict[str, str] = {}


def test_isolation_rules_cover_every_route():
    missing = sorted(key for key, _ in url_patterns() if key not in RULES and key not in SKIP)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับเส้นทางใหม่"


def test_isolation_rules_cover_every_api_operation():
    missing = sorted(f"{name} {m}" for name, m in schema_operations() if m not in RULES.get(name, Rule()).methods)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับ API"


def test_isolation_rules_name_only_existing_routes():
    keys = {key for key, _ in url_patterns()}
    assert sorted(set(RULES) - keys) == []
    assert sorted(set(SKIP) - keys) == []
