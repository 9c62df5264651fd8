"""Second factors in tests: a confirmed authenticator for a person, the code their phone would
show (computed here from the secret, as RFC 6238 says, not by the library under test), and a
test client signed in as the code step leaves a session."""

import base64
import hashlib
import hmac
import struct
import time

STEP = 30


def totp(key, counter, digits=6):
    """RFC 6238's code for time step `counter` (RFC 4226's HOTP of it, SHA-1)."""
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def code_for_typed_key(typed_key, at=None):
    """What an app shows now for the key a person typed in from the set-up page."""
    key = base64.b32decode(typed_key.replace(" ", ""))
    return totp(key, int(at or time.time()) // STEP)


def give_authenticator(user):
    """A phone set up earlier, as the set-up page leaves it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)


def authenticator_of(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.get(user=user, confirmed=True)


def next_code(device):
    """A code the phone shows that the site has not accepted yet (each step's code works once):
    this time step's or, within the one step of tolerance, the next one's."""
    while True:
        device.refresh_from_db()
        now = int(time.time()) // device.step + device.drift
        for counter in (now, now + 1):
            if counter > device.last_t:
                return totp(bytes.fromhex(device.key), counter)
        time.sleep(STEP - time.time() % STEP + 0.1)


def verify_session(client, user):
    """Mark the client's signed-in session as verified by the user's authenticator, as
    django-otp's login() does after the code step."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = authenticator_of(user).persistent_id
    session.save()


def sign_in(client, user):
    """force_login, with the second factor when the person has one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        verify_session(client, user)
