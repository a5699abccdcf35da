"""What the Official Account hears (docs/line.md): LINE posts each event to /line/webhook/ signed with the channel
secret; a body whose `X-Line-Signature` the SDK does not confirm is refused before anything is read from it.

A text in a one-to-one chat that is a live link code links that LINE user to the code's account; following the
Official Account is answered with how to link; unfollowing (or blocking) unlinks. A file sent, or a quick reply's
button tapped, by a linked LINE user in their one-to-one chat is handed to submissions (hooks.content_sent,
hooks.postback_sent), which keeps evidence through its upload service; a group's or a room's never is.
Every answer is a reply (free) and Thai; a link's answer names the account and its office (or its role), so the
person sees which account they linked, and whoever sent a code they were not meant to have sees whose notices they
would get (its owner is told too: notices.channels.line.linking). No other answer names anyone.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from contests.actor import actor_of
from people.directory import role_label

from . import hooks
from .client import line_reply
from .linking import Redeemed, line_code_redeem, line_unlink_line_user, looks_like_code
from .models import LineLink


class BadWebhook(Exception):
    """Not from LINE (no or a wrong signature) or not LINE's shape: answered 400, nothing done."""


def _linked(user) -> str:
    """ "เชื่อมต่อบัญชี cm.somsri (สมศรี ใจดี, จังหวัดเชียงใหม่) …": the username, then the name and the office,
    or the role where the account has no office."""
    office = actor_of(user).own_office
    where = office_name(office) if office is not None else role_label(user)
    about = ", ".join(part for part in (user.get_full_name(), where) if part and part != "-")
    account = f"{user.get_username()} ({about})" if about else user.get_username()
    return _(
        "Your account %(account)s in the CDD 4.0 portal is now linked to this LINE: the portal's notices will"
        " arrive here. To stop them, unlink on “My account” or block this account."
    ) % {"account": account}


def office_name(unit) -> str:
    """An office as people say it: "จังหวัดเชียงใหม่", a district's name as recorded where it says its level."""
    level = unit.get_level_display()
    return unit.name_th if unit.name_th.startswith(level) else f"{level}{unit.name_th}"


def _replies() -> dict[Redeemed | str, str]:
    return {
        Redeemed.UNKNOWN: _(
            "This code was not found or has expired. Get a new code on “My account” in the portal and send it here."
        ),
        Redeemed.TOO_MANY: _("Too many codes tried. Wait an hour, then send a new code."),
        "not_linked": _(
            "This LINE is not linked to an account of the portal: nothing sent here is kept. To send evidence"
            " from LINE, press “Connect LINE” on “My account” in the portal and send the code shown there."
        ),
        "help": _(
            "To receive the portal's notices here, press “Connect LINE” on “My account” in the portal"
            " and send the code shown there."
        ),
    }


def line_webhook_handle(*, body: bytes, signature: str) -> int:
    """Checks the signature, then acts on each event; the number of events acted on. Raises BadWebhook."""
    # The SDK's event models load on the first webhook: a second or more a process, which every page, worker
    # and command would otherwise pay at start (client._sdk).
    from linebot.v3 import WebhookParser
    from linebot.v3.exceptions import InvalidSignatureError

    try:
        events = WebhookParser(settings.CDD4_LINE_CHANNEL_SECRET).parse(body.decode("utf-8"), signature)
    except (InvalidSignatureError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BadWebhook(type(exc).__name__) from exc
    with translation.override("th"):
        return sum(_handle(event) for event in events)


def _evidence(hook, line_user_id: str, event) -> bool:
    """A file sent, or a quick reply's button tapped: submissions' (hooks.content_sent, hooks.postback_sent), for
    the account this LINE user is linked to; anyone else is told how to link, and nothing is kept."""
    link = LineLink.objects.select_related("user").filter(line_user_id=line_user_id, user__is_active=True).first()
    if link is None:
        line_reply(reply_token=event.reply_token, text=_replies()["not_linked"])
        return True
    if not hook(user=link.user, event=event):
        line_reply(reply_token=event.reply_token, text=_replies()["help"])
    return True


def _handle(event) -> bool:
    from linebot.v3.webhooks import (
        AudioMessageContent,
        FileMessageContent,
        FollowEvent,
        ImageMessageContent,
        MessageEvent,
        PostbackEvent,
        TextMessageContent,
        UnfollowEvent,
        UserSource,
        VideoMessageContent,
    )

    content = (ImageMessageContent, VideoMessageContent, AudioMessageContent, FileMessageContent)

    source = getattr(event, "source", None)
    if not isinstance(source, UserSource) or not source.user_id:  # a group or room: links are one-to-one
        return False
    if isinstance(event, UnfollowEvent):
        line_unlink_line_user(line_user_id=source.user_id)
        return True
    if isinstance(event, FollowEvent):
        line_reply(reply_token=event.reply_token, text=_replies()["help"])
        return True
    if isinstance(event, MessageEvent) and isinstance(event.message, content):
        return _evidence(hooks.content_sent, source.user_id, event)
    if isinstance(event, PostbackEvent):
        return _evidence(hooks.postback_sent, source.user_id, event)
    if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
        text = event.message.text
        if not looks_like_code(text):
            line_reply(reply_token=event.reply_token, text=_replies()["help"])
            return True
        outcome, user = line_code_redeem(line_user_id=source.user_id, text=text)
        line_reply(reply_token=event.reply_token, text=_linked(user) if user is not None else _replies()[outcome])
        return True
    return False
