"""Self-service and closing accounts: an invitation accepted, an e-mail changed, an account closed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import login as auth_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from core.errors import PortalError
from core.ratelimit import wait_seconds
from core.thai import thai_digits

from . import rights
from .audit import event_record
from .invitation_notices import invitation_accepted_tell
from .models import Event

EMAIL_SALT = "accounts.email"
EMAIL_HOURS = 24
BACKEND = "django.contrib.auth.backends.ModelBackend"


@transaction.atomic
def invitation_accept(*, request, user, form) -> None:
    """The invited person's own password (a SetPasswordForm, validated), then signed in."""
    form.save()
    invitation_accepted_tell(user=user, event=event_record(kind=Event.ACCEPTED, user=user, request=request))
    auth_login(request, user, backend=BACKEND)


def email_change_ask(*, request, new_email: str, password: str) -> None:
    """Mails the new address; nothing changes until the link in it is opened. The answer is the same for any
    address: one another account holds is told so instead of getting a link, and the page does not say which.
    The password is checked through authenticate(), so django-axes counts guesses here too; the mails are
    limited per account and per address (settings.CDD4_EMAIL_CHANGE_*_RATE), whoever asks from wherever."""
    user = request.user
    password_confirm(request=request, password=password)
    new_email = new_email.strip().lower()
    _email_mails_count(user, new_email)
    holder = get_user_model().objects.filter(email__iexact=new_email).exclude(pk=user.pk).first()
    if holder is None:
        _email_link_send(user, new_email)
    else:
        _email_taken_tell(holder, new_email)
    event_record(kind=Event.EMAIL_ASKED, user=user, request=request)


def password_confirm(*, request, password: str) -> None:
    """The signed-in person's own password, checked through authenticate() so django-axes counts and locks guesses
    here as at sign-in; PortalError on the field "password" when it is not."""
    user = request.user
    if not password or authenticate(request, username=user.get_username(), password=password) is None:
        raise PortalError(_("wrong password"), field="password")


def _email_mails_count(user, new_email: str) -> None:
    """One more mail of this account and to this address; past either limit, the same refusal and no mail."""
    waits = (
        wait_seconds("email_change", f"account:{user.pk}", settings.CDD4_EMAIL_CHANGE_ACCOUNT_RATE),
        wait_seconds("email_change_to", new_email, settings.CDD4_EMAIL_CHANGE_ADDRESS_RATE),
    )
    if wait := max(waits):
        minutes = -(-wait // 60)
        raise PortalError(
            format_lazy(_("too many confirmation mails: wait {minutes} minutes and try again"), minutes=minutes),
            field="email",
            status=429,
        )


def _email_link_send(user, new_email: str) -> None:
    token = signing.dumps([user.pk, user.email, new_email], salt=EMAIL_SALT)
    link = settings.CDD4_PUBLIC_URL.rstrip("/") + reverse("accounts:email_confirm", args=[token])
    body = (
        f"เรียน {user.get_full_name() or user.get_username()}\n\n"
        f"มีการขอเปลี่ยนอีเมลของบัญชี {user.get_username()} ในพอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ มาเป็นอีเมลนี้\n"
        f"กดลิงก์นี้ภายใน {thai_digits(EMAIL_HOURS)} ชั่วโมงเพื่อยืนยัน:\n{link}\n\n"
        "หากท่านไม่ได้ขอ ไม่ต้องดำเนินการใด ๆ อีเมลเดิมจะใช้ต่อไป\n\n---\n"
        f"Confirm this address for the account {user.get_username()} within {EMAIL_HOURS} hours at the link above.\n"
    )
    EmailMessage(_("confirm your new e-mail"), body, to=[new_email]).send()


def _email_taken_tell(holder, address: str) -> None:
    """The holder of an address another account asked for: told, and nothing changes."""
    body = (
        f"เรียน {holder.get_full_name() or holder.get_username()}\n\n"
        "มีผู้ขอใช้อีเมลนี้กับบัญชีอื่นในพอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ อีเมลนี้ยังเป็นของบัญชีของท่าน"
        f" ({holder.get_username()}) และไม่มีสิ่งใดเปลี่ยน\n"
        "หากท่านต้องการย้ายอีเมลนี้ไปยังบัญชีอื่น กรุณาติดต่อเจ้าหน้าที่ส่วนกลาง\n\n---\n"
        f"Another portal account asked to use this address. It stays with your account ({holder.get_username()}) "
        "and nothing changed; to move it to another account, ask central staff.\n"
    )
    EmailMessage(_("your e-mail address was asked for"), body, to=[address]).send()


def email_change_confirm(*, request, token: str):
    """Applies a change from its link, once: a link for an address the account no longer has, or to an address
    another account took meanwhile, is refused."""
    try:
        pk, old, new = signing.loads(token, salt=EMAIL_SALT, max_age=timedelta(hours=EMAIL_HOURS))
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise PortalError(_("the link is wrong or has expired")) from exc
    user = get_user_model().objects.filter(pk=pk, is_active=True, email=old).first()
    if user is None or get_user_model().objects.filter(email__iexact=new).exclude(pk=pk).exists():
        raise PortalError(_("this link was used already or has expired"))
    user.email = new
    user.save(update_fields=["email"])
    event_record(kind=Event.EMAIL_CHANGED, user=user, request=request)
    return user


def closing_allowed(*, by, user) -> bool:
    """Whether `by` may close or reopen `user`'s account: what the lock lets them manage, never their own."""
    return user.pk != by.pk and rights.manages_account(actor_of(by), user)  # the lock reads both accounts


def account_deactivate(*, by, user, request=None) -> None:
    """Closes an account: it can no longer sign in, and everything it wrote keeps its author (never deleted)."""
    if not closing_allowed(by=by, user=user):
        raise PermissionDenied
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        event_record(kind=Event.DEACTIVATED, user=user, by=by, request=request)


def account_reactivate(*, by, user, request=None) -> None:
    """Reopens a closed account: it signs in again with its own password; one that never set any is sent the
    list's "invite again". Nobody sets a password for it here."""
    if not closing_allowed(by=by, user=user):
        raise PermissionDenied
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        event_record(kind=Event.REACTIVATED, user=user, by=by, request=request)
