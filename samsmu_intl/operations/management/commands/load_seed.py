import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import Event
from partners.models import CooperationForm, Partner
from samsmu_intl.applicants.models import ApplicantGuide, ApplicationStep
from samsmu_intl.department.models import Department, LandingSection, StaffMember
from samsmu_intl.operations.seed_content import (
    APPLICANTS,
    EVENTS,
    LANDING,
    PARTNERS,
    STAFF,
    UNIVERSITY,
)


def per_language(field, texts):
    """{"uz": "…", "ru": "…"} -> {"title_uz": "…", "title_ru": "…"}"""
    return {f"{field}_{code}": text for code, text in texts.items()}


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Load the department's starting content: home page text in three languages, staff, "
        "the partners and mobility events the old page names, and the guide for applicants. "
        "Safe to run again: it adds only what is missing and never overwrites staff edits."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be added; write nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        try:
            with transaction.atomic():
                created = self.load()
                if dry_run:
                    raise DryRun
        except DryRun:
            pass
        verb = "Would add" if dry_run else "Added"
        summary = ", ".join(f"{count} {what}" for what, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"{verb}: {summary}."))

    def load(self):
        published = StaffMember.Status.PUBLISHED
        department, department_created = Department.objects.get_or_create(
            pk=Department.SINGLETON_PK,
            defaults={
                **per_language("university_name", UNIVERSITY["university_name"]),
                **per_language("university_short_name", UNIVERSITY["university_short_name"]),
                **per_language("title", LANDING["title"]),
                **per_language("lead", LANDING["lead"]),
                "website": "https://sammu.uz",
            },
        )
        sections = 0
        if not department.sections.exists():
            for order, section in enumerate(LANDING["sections"], start=1):
                LandingSection.objects.create(
                    department=department,
                    order=order * 10,
                    status=published,
                    **per_language("heading", section["heading"]),
                    **per_language("body", section["body"]),
                )
                sections += 1
        staff = 0
        for order, person in enumerate(STAFF, start=1):
            _member, member_created = StaffMember.objects.get_or_create(
                slug=person["slug"],
                defaults={
                    "order": order * 10,
                    "status": published,
                    **per_language("name", person["name"]),
                    **per_language("position", person["position"]),
                },
            )
            staff += member_created
        return {
            "department page": int(department_created),
            "home page sections": sections,
            "staff members": staff,
            "partners": self.load_partners(),
            "events": self.load_events(),
            "guide for applicants": self.load_guide(),
        }

    def load_guide(self):
        if ApplicantGuide.objects.singleton().exists():
            return 0
        guide = ApplicantGuide.objects.create(
            contact=StaffMember.objects.filter(slug=APPLICANTS["contact"]).first(),
            **per_language("intro", APPLICANTS["intro"]),
            **per_language("documents_needed", APPLICANTS["documents_needed"]),
            **per_language("deadlines", APPLICANTS["deadlines"]),
        )
        for order, step in enumerate(APPLICANTS["steps"], start=1):
            ApplicationStep.objects.create(
                guide=guide,
                order=order * 10,
                **per_language("title", step["title"]),
                **per_language("text", step["text"]),
            )
        return 1

    def load_partners(self):
        created = 0
        for entry in PARTNERS:
            if Partner.objects.filter(slug=entry["slug"]).exists():
                continue
            partner = Partner.objects.create(
                slug=entry["slug"],
                kind=entry["kind"],
                country=entry["country"],
                website=entry["website"],
                status=Partner.Status.PUBLISHED,
                **per_language("name", entry["name"]),
                **per_language("short_name", entry.get("short_name", {})),
                **per_language("city", entry["city"]),
            )
            partner.cooperation_forms.set(
                CooperationForm.objects.filter(slug__in=entry["cooperation_forms"])
            )
            created += 1
        return created

    def load_events(self):
        created = 0
        for entry in EVENTS:
            if Event.objects.filter(slug=entry["slug"]).exists():
                continue
            year, month = entry["month"]
            starts = timezone.make_aware(datetime.datetime(year, month, 1))
            following_month = (starts + datetime.timedelta(days=32)).replace(day=1)
            event = Event.objects.create(
                slug=entry["slug"],
                kind=entry["kind"],
                starts_at=starts,
                ends_at=following_month - datetime.timedelta(minutes=1),
                date_precision=Event.DatePrecision.MONTH,
                country=entry["country"],
                partner=Partner.objects.filter(slug=entry["partner"]).first(),
                status=Event.Status.PUBLISHED,
                **per_language("title", entry["title"]),
                **per_language("summary", entry["summary"]),
                **per_language("city", entry["city"]),
            )
            event.staff.set(StaffMember.objects.filter(slug__in=entry["staff"]))
            created += 1
        return created
