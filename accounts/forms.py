"""The account pages' forms: Thai first, as every form of the portal."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    UserChangeForm,
    UsernameField,
)
from django.utils.translation import gettext_lazy as _

from contests.models import Unit
from core.choices import ThaiNameChoiceField
from core.owner_form import OwnerConfirmForm
from core.ratelimit import wait_seconds
from people.models import Membership, Role

from .audit import event_record
from .models import Event
from .services import password_reset_tell


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("the 6-digit code from the app, or a recovery code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class EmailChangeForm(forms.Form):
    email = forms.EmailField(label=_("new e-mail"))
    password = forms.CharField(label=_("current password"), widget=forms.PasswordInput)


class OneAddress:
    """The address is kept in lower case and held by one account only, as the accounts sheet and the e-mail change
    both match it ignoring case (Django lowercases only the domain)."""

    def clean_email(self):
        email = self.cleaned_data.get("email", "").strip().lower()
        others = get_user_model().objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if email and others.exists():
            raise forms.ValidationError(_("another account has this e-mail"), code="email_taken")
        return email


class PortalUserChangeForm(OneAddress, UserChangeForm):
    """The user admin's account form. No password: nobody types or sees another person's (README), so the page
    shows whether one is set and links to no form that sets it (PortalUserAdmin.user_change_password)."""

    password = None  # type: ignore[assignment]  # Django drops a parent's field set to None; django-stubs types it Field


class PortalUserCreationForm(OneAddress, forms.ModelForm):
    """The user admin's new account: a username, a name and an address, never a password. Like an account from
    the sheet it has none until its owner sets one from the invitation the admin sends to the address."""

    class Meta:
        model = get_user_model()
        fields = ["username", "email", "first_name", "last_name"]
        field_classes = {"username": UsernameField}
        help_texts = {
            "email": _("the invitation to set one's own password goes here; without one, add it later and invite again")
        }

    def clean_username(self):
        # As Django's own creation form: usernames that differ only in case are the same person.
        username = self.cleaned_data.get("username")
        if username and get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("an account with this username exists"), code="unique")
        return username

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()  # set by its owner from the invitation
        if commit:
            user.save()
        return user


class CalendarMakeForm(OwnerConfirmForm):
    """Asked before a calendar address is made: whoever holds the session says again who they are."""

    refusal = _("type your current password to make a calendar address")


class DigitalIdLinkForm(OwnerConfirmForm):
    """Asked before a digital ID is linked: whoever holds the session says again who they are."""

    refusal = _("type your current password to link a digital ID")


class SheetForm(forms.Form):
    file = forms.FileField(label=_("the sheet (.xlsx or .csv)"))


class PortalPasswordResetForm(PasswordResetForm):
    """Also reaches an invited account that never set a password (its invitation may have expired). Says
    nothing about whether the address exists: the page after it reads the same either way. Beside the limit
    per client address (the view's), an account gets at most settings.CDD4_PASSWORD_RESET_ACCOUNT_RATE links,
    asked from anywhere; past it, no mail and the same page."""

    sent_to = None  # the accounts this form mails, counted once

    def get_users(self, email):
        if self.sent_to is None:
            users = get_user_model().objects.filter(email__iexact=email, is_active=True)
            owners = [u for u in users if u.email.lower() == email.lower()]
            rate = settings.CDD4_PASSWORD_RESET_ACCOUNT_RATE
            self.sent_to = [u for u in owners if not wait_seconds("password_reset_account", f"account:{u.pk}", rate)]
        return self.sent_to

    def save(self, *args, request=None, **kwargs):
        """Each account's link is a notice the outbox sends (accounts.services.password_reset_tell), never a mail
        of Django's own: the same limits hold for it as for every mail the portal sends."""
        for user in self.get_users(self.cleaned_data["email"]):
            password_reset_tell(user=user, event=event_record(kind=Event.RESET_ASKED, user=user, request=request))


class PortalAuthenticationForm(AuthenticationForm):
    """Failed logins are counted by django-axes (cdd4/auth.py) on every login path, not by this form."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Wrong username or password."),
    }


class CountedPasswordChangeForm(PasswordChangeForm):
    """The old password is checked through authenticate(), so axes counts and locks guesses here too."""

    def __init__(self, user, *args, request=None, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old = self.cleaned_data["old_password"]
        if authenticate(self.request, username=self.user.get_username(), password=old) is None:
            raise forms.ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old


def office_label(unit: Unit) -> str:
    """ "อำเภอเมืองชลบุรี (2001) · ชลบุรี": a district reads with its province, as offices name each other."""
    parent = f" · {unit.parent.name_th}" if unit.parent is not None else ""  # no query without a parent id
    return f"{unit.get_level_display().split(' / ')[0]}{unit.name_th} ({unit.code}){parent}"


class MembershipForm(forms.ModelForm):
    """A user's role in the user admin. Says in words what the model's CheckConstraint would refuse with an
    IntegrityError. Staff and organisers belong to any office with staff, a district office too: its staff
    file for it and its organisers pick its subdistrict at a district stage."""

    class Meta:
        model = Membership
        fields = ["role", "unit"]
        field_classes = {"unit": ThaiNameChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offices = Unit.objects.offices().select_related("parent").order_by("level", "parent__code", "code")
        self.fields["unit"].queryset = offices
        self.fields["unit"].label_from_instance = office_label
        self.fields["unit"].error_messages["invalid_choice"] = _("choose a provincial or district CDD office")

    def clean(self):
        cleaned = super().clean()
        role, unit = cleaned.get("role"), cleaned.get("unit")
        if "unit" in self.errors:  # an office not offered: said once, by the field
            return cleaned
        if role in Role.with_office() and unit is None:
            self.add_error("unit", _("provincial staff need a province"))
        elif role and role not in Role.with_office() and unit is not None:
            self.add_error(
                "unit",
                _("only provincial staff belong to a province; leave it empty"),
            )
        return cleaned
