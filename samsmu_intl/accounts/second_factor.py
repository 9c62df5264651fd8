"""A staff member's second factor, kept as django-otp's devices: an authenticator app that shows
a new six-digit code every 30 seconds (TOTP, RFC 6238) and ten single-use recovery codes for
the day the phone is lost.

A person has at most one confirmed authenticator and one set of recovery codes. Setting up a
phone makes an unconfirmed authenticator first; the one before it keeps working until a code
from the new one confirms it."""

import base64
import datetime
import io
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

RECOVERY_CODE_COUNT = 10


def confirmed_authenticators(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def has_second_factor(user):
    return confirmed_authenticators(user).exists()


def with_second_factor_flag(users):
    """`users` annotated with `has_second_factor`, for a list of people in one query."""
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return users.annotate(has_second_factor=Exists(confirmed))


def authenticator_being_set_up(user):
    """The same unconfirmed authenticator on every visit to the set-up page, so that reloading
    it shows the QR code the phone has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def qr_code_data_uri(device):
    """The otpauth:// address of `device` as an SVG QR code, made here: no request elsewhere."""
    svg = io.BytesIO()
    write_qrcode_image(device.config_url, svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")


def typed_key(device):
    """The secret as a person types it into an app that cannot scan: base32, in fours."""
    key = base64.b32encode(device.bin_key).decode("ascii")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


@dataclass(frozen=True)
class CodeCheck:
    """What became of a code: accepted by `device`, refused, or not looked at before
    `retry_at` because of wrong codes just before it (django-otp's growing delay)."""

    device: object = None
    retry_at: datetime.datetime | None = None

    @property
    def accepted(self):
        return self.device is not None

    @property
    def is_recovery_code(self):
        return isinstance(self.device, StaticDevice)


def _check(device, code):
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(retry_at=details.get("locked_until"))
    return CodeCheck(device=device if device.verify_token(code) else None)


def _normalised(code):
    return "".join(code.split()).replace("-", "").lower()


def check_sign_in_code(user, code):
    """A code typed at sign-in: six digits go to the authenticator app, anything else to the
    recovery codes, where an accepted one is used up. Only one device is tried, so that a
    code meant for one does not count as a wrong code for the other."""
    code = _normalised(code)
    devices = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
    with transaction.atomic():
        device = devices.objects.filter(user=user, confirmed=True).select_for_update().first()
        return CodeCheck() if device is None else _check(device, code)


def confirm_authenticator(device, code):
    """Confirm the phone being set up with a code it shows. It replaces the phone before it,
    and ten new recovery codes replace the old ones: they are returned, to be shown once."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        check = _check(device, _normalised(code))
        if not check.accepted:
            return check, []
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return check, issue_recovery_codes(device.user)


def issue_recovery_codes(user):
    """Ten new single-use recovery codes; the earlier ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset_second_factor(user):
    """Remove the person's authenticator and recovery codes (a lost phone): they set up a new
    one at their next sign-in, as a superuser must and an editor may. True if there were any."""
    with transaction.atomic():
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        recovery, _ = StaticDevice.objects.filter(user=user).delete()
    return bool(removed or recovery)
