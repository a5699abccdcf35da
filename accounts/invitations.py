"""Invitations and their links: a new account sets its own password from a link in its e-mail.

The link is signed, expires after settings.CDD4_INVITATION_DAYS and works once: it carries a digest of the
account's password and last sign-in, which setting the password changes, of its e-mail address, which
correcting a mistyped one changes, and of the invitation's issue (its INVITED record), which inviting again
changes, as Django's reset token digests the address. Nobody ever types or sees another person's password.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from core.thai import thai_date

from .audit import event_record
from .invitation_notices import invitation_sent_tell
from .models import Event

SALT = "accounts.invitation"
SUBJECT = _("your CDD 4.0 portal account")


def _issue(user) -> int | None:
    """The latest invitation's record: the link of an earlier one no longer matches it."""
    return user.account_events.filter(kind=Event.INVITED).order_by("-pk").values_list("pk", flat=True).first()


def _state(user) -> str:
    address = (user.email or "").lower()
    return salted_hmac(SALT, f"{user.pk}|{user.password}|{user.last_login}|{address}|{_issue(user)}").hexdigest()[:24]


def invitation_token(user) -> str:
    return signing.dumps([user.pk, _state(user)], salt=SALT)


def invitation_user(token: str):
    """The account a link invites, or None: unknown, expired, already used or closed."""
    try:
        pk, state = signing.loads(token, salt=SALT, max_age=timedelta(days=settings.CDD4_INVITATION_DAYS))
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and _state(user) == state else None


def invitation_body(user, link: str, *, by=None) -> str:
    until = thai_date(timezone.localdate() + timedelta(days=settings.CDD4_INVITATION_DAYS), era=True)
    sender = f" โดย {by.get_full_name() or by.get_username()}" if by is not None else ""
    return (
        f"เรียน {user.get_full_name() or user.get_username()}\n\n"
        f"มีการสร้างบัญชีผู้ใช้พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ ให้ท่าน{sender}\n"
        f"ชื่อผู้ใช้: {user.get_username()}\n"
        f"กรุณาตั้งรหัสผ่านของท่านเองที่ลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน {until}):\n{link}\n\n"
        "หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องดำเนินการใด ๆ\n\n"
        "---\n"
        f"An account on the CDD 4.0 portal was made for you. Username: {user.get_username()}.\n"
        f"Set your own password at the link above (once, within {settings.CDD4_INVITATION_DAYS} days).\n"
    )


def invitation_send(*, user, by=None) -> None:
    """Records the invitation, then e-mails the account its link (the portal's address: settings.CDD4_PUBLIC_URL).
    The record comes first: the link is made for it, and every earlier link stops working."""
    event = event_record(kind=Event.INVITED, user=user, by=by)
    link = settings.CDD4_PUBLIC_URL.rstrip("/") + reverse("accounts:invitation", args=[invitation_token(user)])
    EmailMessage(SUBJECT, invitation_body(user, link, by=by), to=[user.email]).send()
    invitation_sent_tell(event=event)


def pending(user) -> bool:
    """Invited and not yet accepted: the account has no password of its own."""
    return user.is_active and not user.has_usable_password()


def held_address_send(*, user, by) -> None:
    """Tells the holder of an address that an office's accounts sheet listed it: nothing was made or changed,
    and the sheet's page answered as for a free address (accounts.provision)."""
    sender = by.get_full_name() or by.get_username()
    body = (
        f"เรียน {user.get_full_name() or user.get_username()}\n\n"
        f"{sender} ใส่อีเมลนี้ในแฟ้มรายชื่อเพื่อสร้างบัญชีผู้ใช้พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐"
        f" อีเมลนี้เป็นของบัญชีของท่านอยู่แล้ว ({user.get_username()}) จึงไม่มีการสร้างหรือเปลี่ยนบัญชีใด\n"
        "หากท่านย้ายสังกัด กรุณาแจ้งเจ้าหน้าที่ส่วนกลางให้ย้ายบัญชีของท่าน\n\n---\n"
        f"{sender} listed this address on a sheet to make a CDD 4.0 portal account. It already belongs to your "
        f"account ({user.get_username()}), so nothing was made or changed; if you moved offices, ask central staff "
        "to move your account.\n"
    )
    EmailMessage(_("your address was listed for an account"), body, to=[user.email]).send()
