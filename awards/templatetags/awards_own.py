"""An awardee's own certificate on a page of another app (the office's results page, scoring/mine.html): scoring
sits below awards, so the page asks here, by a tag, never an import."""

from django import template

from awards import selectors

register = template.Library()


@register.simple_tag
def own_certificate(rubric, unit):
    """The awardee's issued certificate in force, or None."""
    return selectors.own_certificate(rubric, unit)
