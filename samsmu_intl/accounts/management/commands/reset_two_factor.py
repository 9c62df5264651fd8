from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from samsmu_intl.accounts.second_factor import has_second_factor, reset_second_factor


class Command(BaseCommand):
    help = (
        "Remove a staff member's second factor (authenticator app and recovery codes), for a "
        "superuser who lost both and so cannot sign in to reset it in the admin. They set up a "
        "new phone at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--dry-run", action="store_true", help="say what would be removed")

    def handle(self, *args, username, dry_run, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if dry_run:
            state = "has" if has_second_factor(user) else "has no"
            self.stdout.write(f"{username} {state} second factor; nothing was changed.")
            return
        if reset_second_factor(user):
            self.stdout.write(
                self.style.SUCCESS(
                    f"Second factor of {username} removed: a new phone is set up at the next "
                    "sign-in. A forgotten password: manage.py changepassword; a lockout: "
                    "manage.py axes_reset_username."
                )
            )
        else:
            self.stdout.write(f"{username} had no second factor; nothing was changed.")
