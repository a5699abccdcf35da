from django import template

from contests.actor import Power, actor_of
from ops.contacts import Contact, site_contact
from ops.models import ContestContact

register = template.Library()


@register.simple_tag
def help_contact() -> Contact:
    """`{% help_contact as contact %}`: central staff's contacts, cached (ops.contacts)."""
    return site_contact()


@register.inclusion_tag("ops/_contacts_prompt.html", takes_context=True)
def contacts_prompt(context, rubric):
    """`{% contacts_prompt rubric %}`, at the top of a contest's dashboard: until whoever answers for it has set
    their contacts, a line that asks them to (central staff for the national contest, from the cache; the
    organiser for its office's contest, 1 query). Nothing for anyone else."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unset": False}
    actor, contest = actor_of(user), rubric.contest
    if contest.organiser_id is None:
        return {"unset": Power.ADMINISTER in actor.powers and not site_contact().any, "national": True}
    if not (Power.ORGANISE in actor.powers and actor.rights(contest).runs):
        return {"unset": False}
    return {"unset": not ContestContact.objects.filter(contest=contest).exists(), "national": False}
