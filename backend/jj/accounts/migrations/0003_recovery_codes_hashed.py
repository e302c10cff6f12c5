"""Recovery codes were kept in clear; from now on only their keyed digest is (ASVS 6.5.2). Codes already handed out
keep working: each stored code is replaced by its digest under the current secret key."""

from django.db import migrations
from django.utils.crypto import salted_hmac

SALT = "jj.accounts.mfa.recovery-code"  # as jj.accounts.mfa.RECOVERY_SALT (a migration does not import app code)


def hash_clear_codes(apps, schema_editor):  # type: ignore[no-untyped-def]
    StaticToken = apps.get_model("otp_static", "StaticToken")
    for token in StaticToken.objects.all().iterator():
        if len(token.token) == 16:  # already a digest
            continue
        token.token = salted_hmac(SALT, token.token.lower(), algorithm="sha256").hexdigest()[:16]
        token.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_trained_in_child_justice"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(hash_clear_codes, migrations.RunPython.noop)]
