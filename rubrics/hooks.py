"""Where the apps built on the rubrics feed them, without the rubrics importing them (registered in their ready())."""

from core.hooks import Hook

# a rubric file's `contest` block → [(Thai, English)]: what is wrong with the part of it an app built on the rubrics
# reads (nominees: `contest.nominee`, who may be named), listed with every other problem before anything is saved.
contest_block_problems = Hook("rubrics.contest_block_problems")
