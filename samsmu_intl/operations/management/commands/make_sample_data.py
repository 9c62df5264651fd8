import datetime
import io
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image

from events.models import Event, EventPhoto, Registration
from partners.models import Agreement, CooperationForm, Partner, Program
from partners.regions import REGION_BY_COUNTRY

BATCH = 500
KINDS = list(Partner.Kind.values)
COUNTRIES = sorted(REGION_BY_COUNTRY)


class Command(BaseCommand):
    help = (
        "Make synthetic sample content for load tests and benchmarks. Every name starts with "
        "'[Sample]' so that nobody mistakes it for real data. Never run it on the real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=0, help="How many partners to add.")
        parser.add_argument("--programs", type=int, default=0, help="How many programs to add.")
        parser.add_argument("--events", type=int, default=0, help="How many events to add.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )

    def handle(self, *args, partners, programs, events, seed, verbosity, **options):
        if min(partners, programs, events) < 0:
            raise CommandError("Counts cannot be negative.")
        self.random = random.Random(seed)
        self.show_progress = verbosity >= 1
        with transaction.atomic():
            start = Partner.objects.filter(slug__startswith="sample-").count()
            self.make_partners(start, partners)
            self.make_programs(programs)
            self.make_events(events)
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {partners} partners, {programs} programs and {events} events."
            )
        )

    def progress(self, what, done, total):
        if self.show_progress and total:
            self.stdout.write(f"\r{what}: {done}/{total}", ending="\n" if done == total else "")

    def make_partners(self, start, count):
        forms = list(CooperationForm.objects.all())
        today = timezone.localdate()
        for offset in range(0, count, BATCH):
            batch = []
            for number in range(start + offset, start + min(offset + BATCH, count)):
                partner = Partner(
                    slug=f"sample-{number:06d}",
                    name_en=f"[Sample] University {number}",
                    name_ru=f"[Образец] Университет {number}",
                    name_uz=f"[Namuna] Universitet {number}",
                    city_en=f"Sample City {number % 97}",
                    kind=self.random.choice(KINDS),
                    country=self.random.choice(COUNTRIES),
                    status=Partner.Status.PUBLISHED,
                )
                partner.region = REGION_BY_COUNTRY[partner.country.code]
                partner.search_text = partner.build_search_text()
                batch.append(partner)
            created = Partner.objects.bulk_create(batch)
            links, agreements = [], []
            for partner in created:
                for form in self.random.sample(forms, k=min(len(forms), self.random.randint(0, 3))):
                    links.append(
                        Partner.cooperation_forms.through(
                            partner_id=partner.pk, cooperationform_id=form.pk
                        )
                    )
                for _ in range(self.random.randint(0, 2)):
                    signed = today - datetime.timedelta(days=self.random.randint(30, 3000))
                    agreements.append(
                        Agreement(
                            partner=partner,
                            kind=self.random.choice(Agreement.Kind.values),
                            status=Agreement.Status.PUBLISHED,
                            signed_on=signed,
                            valid_until=signed
                            + datetime.timedelta(days=self.random.choice([365, 1095, 1825])),
                        )
                    )
            Partner.cooperation_forms.through.objects.bulk_create(links)
            Agreement.objects.bulk_create(agreements)
            self.progress("Partners", offset + len(batch), count)

    def make_programs(self, count):
        partner_ids = list(Partner.objects.values_list("pk", flat=True)[:1000])
        start = Program.objects.filter(slug__startswith="sample-").count()
        today = timezone.localdate()
        for number in range(start, start + count):
            program = Program.objects.create(
                slug=f"sample-{number:06d}",
                title_en=f"[Sample] Program {number}",
                title_ru=f"[Образец] Программа {number}",
                title_uz=f"[Namuna] Dastur {number}",
                summary_en="Synthetic program for tests and benchmarks.",
                level=self.random.choice(Program.Level.values),
                kind=self.random.choice(Program.Kind.values),
                deadline=today + datetime.timedelta(days=self.random.randint(-200, 200)),
                status=Program.Status.PUBLISHED,
            )
            if partner_ids:
                program.partners.set(self.random.sample(partner_ids, k=min(3, len(partner_ids))))
            self.progress("Programs", number - start + 1, count)

    def sample_photo(self):
        """One real (generated) picture that every sample photo points to."""
        name = "events/photos/sample.jpg"
        if not default_storage.exists(name):
            buffer = io.BytesIO()
            Image.new("RGB", (1200, 900), "#6fa3d2").save(buffer, "JPEG", quality=70)
            name = default_storage.save(name, ContentFile(buffer.getvalue()))
        return name

    def make_events(self, count):
        photo = self.sample_photo() if count else None
        partner_ids = list(Partner.objects.values_list("pk", flat=True)[:1000]) or [None]
        start = Event.objects.filter(slug__startswith="sample-").count()
        now = timezone.now()
        for offset in range(0, count, BATCH):
            batch = []
            for number in range(start + offset, start + min(offset + BATCH, count)):
                starts = now + datetime.timedelta(hours=self.random.randint(-24 * 900, 24 * 300))
                batch.append(
                    Event(
                        slug=f"sample-{number:06d}",
                        title_en=f"[Sample] Event {number}",
                        title_ru=f"[Образец] Мероприятие {number}",
                        title_uz=f"[Namuna] Tadbir {number}",
                        summary_en="Synthetic event for tests and benchmarks.",
                        kind=self.random.choice(Event.Kind.values),
                        starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=2),
                        country=self.random.choice(COUNTRIES),
                        partner_id=self.random.choice(partner_ids),
                        capacity=self.random.choice([None, 50, 100]),
                        status=Event.Status.PUBLISHED,
                    )
                )
            created = Event.objects.bulk_create(batch)
            photos, registrations = [], []
            for event in created[:: max(1, len(created) // 20)]:
                photos += [EventPhoto(event=event, image=photo, alt_en="Sample") for _ in range(3)]
                registrations += [
                    Registration(
                        event=event,
                        name=f"[Sample] Person {n}",
                        email=f"person{n}@example.invalid",
                        affiliation="Sample University",
                        country="UZ",
                        consent=True,
                        language="en",
                        status=Registration.Status.CONFIRMED,
                    )
                    for n in range(5)
                ]
            EventPhoto.objects.bulk_create(photos)
            Registration.objects.bulk_create(registrations)
            self.progress("Events", offset + len(batch), count)
