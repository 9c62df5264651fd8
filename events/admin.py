from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from import_export import fields
from import_export.admin import ExportMixin

from events import emails
from events.models import Event, EventPhoto, Registration
from partners.admin import CountryFilter
from samsmu_intl.content.admin import ContentAdmin, PhotoInline
from samsmu_intl.images.thumbnails import thumbnail
from samsmu_intl.spreadsheets.admin import SpreadsheetAdminMixin
from samsmu_intl.spreadsheets.cells import LabelWidget
from samsmu_intl.spreadsheets.resources import ReadableResource

ATTENDANCE_ROWS_PER_PAGE = 30  # one printed A4 page


def moved_message(count):
    return (
        ngettext(
            "%d person moved from the waiting list and emailed.",
            "%d people moved from the waiting list and emailed.",
            count,
        )
        % count
    )


class EventPhotoInline(PhotoInline):
    model = EventPhoto


@admin.register(Event)
class EventAdmin(ContentAdmin):
    inlines = [EventPhotoInline]
    preview_url_name = "events:preview"
    list_display = (
        "cover_thumbnail",
        "title",
        "kind",
        "starts_at",
        "place",
        "registered",
        "status",
    )
    list_display_links = ("title",)
    list_filter = ("status", "kind", "is_online", CountryFilter, "starts_at")
    readonly_fields = ("cover_thumbnail",)
    search_fields = ("title_uz", "title_ru", "title_en", "slug", "city_en", "city_ru", "city_uz")
    autocomplete_fields = ("partner",)
    filter_horizontal = ("staff",)
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "starts_at"
    actions = [*ContentAdmin.actions, "email_recording", "attendance_from_join_log"]
    fieldsets = [
        (None, {"fields": ("title", "slug", "kind", "summary", "body")}),
        (_("When"), {"fields": ("starts_at", "ends_at", "date_precision")}),
        (
            _("Where and with whom"),
            {"fields": ("is_online", "venue", "city", "country", "partner", "host_name", "staff")},
        ),
        (_("Cover image"), {"fields": ("cover", "cover_thumbnail", "cover_alt")}),
        (
            _("Webinar and registration"),
            {
                "fields": (
                    "join_url",
                    "recording_url",
                    "capacity",
                    "registration_deadline",
                    "waiting_list_hours",
                )
            },
        ),
        (_("Publishing"), {"fields": ("status", "publish_from")}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_registration_counts()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"capacity", "waiting_list_hours"} & set(form.changed_data):
            # More places, or a waiting list open longer: they go to those waiting at once.
            promoted = obj.fill_places()
            emails.send_promotions(promoted)
            if promoted:
                self.message_user(request, moved_message(len(promoted)))

    @admin.display(description=_("cover image"))
    def cover_thumbnail(self, event):
        return thumbnail(event.cover, event.cover_480)

    @admin.display(description=_("place"))
    def place(self, event):
        return (
            _("Online")
            if event.is_online
            else ", ".join(part for part in (event.city, event.country.name) if part)
        )

    @admin.display(description=_("registered"), ordering="confirmed_count")
    def registered(self, event):
        """The count ("12 / 30"), a link to the attendance list, and under it how many wait:
        one column, so that the list fits."""
        count = f"{event.confirmed_count} / {event.capacity}" if event.capacity else ""
        count = count or str(event.confirmed_count)
        if event.confirmed_count:
            attendance = reverse("admin:events_event_attendance", args=[event.pk])
            title = _("Attendance list")
            count = format_html('<a href="{}" title="{}">{}</a>', attendance, title, count)
        if not event.waiting_count:
            return count
        waiting = _("%(count)s waiting") % {"count": event.waiting_count}
        return format_html('{}<br><span class="quiet">{}</span>', count, waiting)

    def get_urls(self):
        attendance = path(
            "<path:object_id>/attendance/",
            self.admin_site.admin_view(self.attendance_view),
            name="events_event_attendance",
        )
        return [attendance, *super().get_urls()]

    def attendance_view(self, request, object_id):
        """Everyone with a place, to print (a sheet of 30 names per A4 page, each headed with
        the event) and to tick: who attended is set on the registrations' list."""
        if not request.user.has_perm("events.view_registration"):
            raise PermissionDenied
        event = self.get_object(request, object_id)
        if event is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        registrations = list(event.registrations.confirmed().order_by("name", "pk"))
        numbered = list(enumerate(registrations, start=1))
        sheets = [
            numbered[start : start + ATTENDANCE_ROWS_PER_PAGE]
            for start in range(0, len(numbered), ATTENDANCE_ROWS_PER_PAGE)
        ]
        changelist = reverse("admin:events_registration_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "title": _("Attendance list"),
            "subtitle": str(event),
            "event": event,
            "sheets": sheets,
            "rows_per_page": ATTENDANCE_ROWS_PER_PAGE,
            "attended_count": sum(r.attended for r in registrations),
            "registrations_url": f"{changelist}?event__id__exact={event.pk}&status=confirmed",
        }
        return TemplateResponse(request, "admin/events/event/attendance.html", context)

    @admin.action(
        description=_("Mark as attended everyone who followed their join link"),
        permissions=["change"],
    )
    def attendance_from_join_log(self, request, queryset):
        marked = Registration.objects.filter(event__in=queryset).followed_join_link()
        count = marked.mark_attendance(Registration.Attendance.ATTENDED)
        self.message_user(
            request,
            ngettext(
                "%d person who followed the join link marked as attended.",
                "%d people who followed the join link marked as attended.",
                count,
            )
            % count,
        )

    @admin.action(
        description=_("Email the recording to everyone registered"), permissions=["change"]
    )
    def email_recording(self, request, queryset):
        sent = failed = 0
        for event in queryset:
            if not event.recording_url:
                self.message_user(
                    request,
                    _("“%(event)s” has no recording link yet.") % {"event": event},
                    messages.WARNING,
                )
                continue
            for registration in event.registrations.confirmed().filter(
                recording_sent_at__isnull=True
            ):
                if emails.send_recording(registration):
                    sent += 1
                else:
                    failed += 1
        self.message_user(
            request,
            ngettext(
                "The recording was sent to %d person.", "The recording was sent to %d people.", sent
            )
            % sent,
        )
        if failed:
            self.message_user(
                request,
                ngettext(
                    "%d email could not be sent; see the registrations' email errors.",
                    "%d emails could not be sent; see the registrations' email errors.",
                    failed,
                )
                % failed,
                messages.ERROR,
            )


class RegistrationResource(ReadableResource):
    event = fields.Field(attribute="event__title", readonly=True)
    language = fields.Field(attribute="language", widget=LabelWidget(settings.LANGUAGES))

    class Meta:
        model = Registration
        fields = (
            "event",
            "name",
            "email",
            "affiliation",
            "country",
            "status",
            "language",
            "consent",
            "created_at",
            "confirmation_sent_at",
        )
        export_order = fields


class EmailFailedFilter(admin.SimpleListFilter):
    title = _("email")
    parameter_name = "email_failed"

    def lookups(self, request, model_admin):
        return [("yes", _("An email could not be sent"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(email_error="")
        return queryset


@admin.register(Registration)
class RegistrationAdmin(SpreadsheetAdminMixin, ExportMixin, admin.ModelAdmin):
    resource_classes = [RegistrationResource]
    file_name = pgettext_lazy("file name", "registrations")
    list_display = (
        "name",
        "email",
        "event",
        "affiliation",
        "country",
        "status_and_attendance",
        "created_at",
        "emails_ok",
    )
    list_filter = ("status", "attendance", EmailFailedFilter, "event")
    search_fields = ("name", "email", "affiliation")
    list_select_related = ("event",)
    readonly_fields = (
        "event",
        "language",
        "created_at",
        "confirmation_sent_at",
        "reminder_sent_at",
        "recording_sent_at",
        "cancelled_at",
        "no_place_sent_at",
        "joined_at",
        "email_error",
    )
    fields = (
        "event",
        "name",
        "email",
        "affiliation",
        "country",
        "consent",
        "status",
        "attendance",
        *readonly_fields[1:],
    )
    actions = [
        "confirm_from_waiting_list",
        "resend_confirmation",
        "mark_attended",
        "mark_not_attended",
    ]

    def has_add_permission(self, request):
        # People register themselves, on the site.
        return False

    def has_export_permission(self, request):
        # A file of everyone's personal details: only for those given this right on purpose
        # (import-export's own setting would ask the same of the partners' export too).
        return super().has_export_permission(request) and request.user.has_perm(
            "events.export_registration"
        )

    # A place freed by staff (a registration deleted, or its status changed) goes to the waiting
    # list at once, as one freed by the registrant's own link does.

    def _fill_places(self, request, events):
        moved = 0
        for event in events:
            promoted = event.fill_places()
            emails.send_promotions(promoted)
            moved += len(promoted)
        if moved:
            self.message_user(request, moved_message(moved))

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            cancelled = obj.status == Registration.Status.CANCELLED
            obj.cancelled_at = timezone.now() if cancelled else None
        super().save_model(request, obj, form, change)
        if "status" in form.changed_data:
            self._fill_places(request, [obj.event])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._fill_places(request, [obj.event])

    def delete_queryset(self, request, queryset):
        events = list(Event.objects.filter(registrations__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        self._fill_places(request, events)

    @admin.display(description=_("status"), ordering="status")
    def status_and_attendance(self, registration):
        """The status, and under it the attendance once recorded: one column, so that the list
        fits."""
        status = registration.get_status_display()
        if not registration.attendance:
            return status
        attendance = registration.get_attendance_display()
        return format_html('{}<br><span class="quiet">{}</span>', status, attendance)

    @admin.display(description=_("emails OK"), boolean=True)
    def emails_ok(self, registration):
        return not registration.email_error

    @admin.action(
        description=_("Give a place to the selected people on the waiting list"),
        permissions=["change"],
    )
    def confirm_from_waiting_list(self, request, queryset):
        waiting = queryset.waiting().select_related("event")
        over_capacity = Registration.objects.over_capacity_if_confirmed(waiting)
        if over_capacity and request.POST.get("over_capacity") != "confirmed":
            return TemplateResponse(
                request,
                "admin/events/registration/confirm_over_capacity.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "queryset": waiting,
                    "over_capacity": over_capacity,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    "title": _("More people than places"),
                },
            )
        moved = 0
        for registration in waiting:
            registration.status = Registration.Status.CONFIRMED
            registration.save(update_fields=["status"])
            emails.send_moved_from_waiting_list(registration)
            moved += 1
        self.message_user(request, moved_message(moved))

    @admin.action(description=_("Send the confirmation email again"), permissions=["change"])
    def resend_confirmation(self, request, queryset):
        sent = sum(emails.send_confirmation(r) for r in queryset.select_related("event"))
        self.message_user(
            request,
            ngettext("%d confirmation sent.", "%d confirmations sent.", sent) % sent,
        )

    def _mark_attendance(self, request, queryset, attendance):
        changed = queryset.mark_attendance(attendance)
        self.message_user(
            request,
            ngettext(
                "Attendance recorded for %d person.", "Attendance recorded for %d people.", changed
            )
            % changed,
        )

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        self._mark_attendance(request, queryset, Registration.Attendance.ATTENDED)

    @admin.action(description=_("Mark as not attended"), permissions=["change"])
    def mark_not_attended(self, request, queryset):
        self._mark_attendance(request, queryset, Registration.Attendance.ABSENT)
