from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView

from events import emails
from events.calendar import calendar
from events.forms import RegistrationForm
from events.models import Event, Registration
from events.structured_data import event as event_data
from samsmu_intl.content.feeds import ContentFeed
from samsmu_intl.content.filters import Choice, query_string, read_choices
from samsmu_intl.content.languages import localized
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import BreadcrumbsMixin, ForgivingPaginationMixin, PublishedViewMixin
from samsmu_intl.serving.origin import absolute_url
from samsmu_intl.serving.ratelimit import over_hourly_limit

EVENTS_PER_PAGE = 12
FEED_LENGTH = 20
CALENDAR_LENGTH = 200
REGISTRATIONS_PER_ADDRESS_PER_HOUR = 10
YEARS_SHOWN = range(1990, 2101)


def department_staff():
    """The department's staff, reached through the event's relation to them: the department sits
    above events in the layers (its home page lists events), so events never import it."""
    return Event._meta.get_field("staff").related_model.objects


def events_news():
    """News articles about an event, reached through its reverse relation: news sits above
    events in the layers (an article names the events it is about)."""
    return Event._meta.get_field("news").related_model.objects


class EventListView(ForgivingPaginationMixin, ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = EVENTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.filters, self.ignored = read_choices(
            request.GET,
            {
                "kind": Choice(_("Kind"), Event.Kind.values),
                "year": Choice(_("Year"), {str(year) for year in YEARS_SHOWN}),
            },
        )
        self.kind = self.filters["kind"]
        self.year = int(self.filters["year"]) if self.filters["year"] else None
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        events = Event.objects.published()
        if self.kind:
            events = events.filter(kind=self.kind)
        if self.year:
            events = events.filter(starts_at__year=self.year)
        return events.upcoming_first().select_related("partner")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=Event.Kind.choices,
            kind=self.kind,
            year=self.year,
            years=Event.objects.published().years(),
            ignored=self.ignored,
            page_query=query_string(self.filters),
            **kwargs,
        )


class EventDetailView(PublishedViewMixin, BreadcrumbsMixin, DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"
    breadcrumb_parent = (gettext_lazy("Events"), "events:list")

    def breadcrumb_label(self):
        return localized(self.object, "title")

    def get_queryset(self):
        return (
            self.visible(Event.objects)
            .with_registration_counts()
            .select_related("partner")
            .prefetch_related(
                "photos",
                Prefetch("staff", department_staff().published(), to_attr="published_staff"),
                Prefetch("news", events_news().published(), to_attr="published_news"),
            )
        )

    def get_context_data(self, **kwargs):
        event = self.object
        now = timezone.now()
        context = super().get_context_data(**kwargs)
        context["structured_data"].append(event_data(self.request, event))
        return context | dict(
            show_join_link=event.join_link_visible(now),
            show_recording=event.recording_visible(now),
            registration_open=event.registration_open(now),
            places_left=event.places_left(event.confirmed_count),
            partner_visible=event.partner is not None and event.partner.is_visible,
        )


class EventPreviewView(PreviewMixin, EventDetailView):
    preview_model = Event


def _outcome_message(registration, created):
    """(level, text) telling the visitor what became of their registration."""
    if not created:
        text = _(
            "This email address is already registered for this event (%(status)s), so we have "
            "not registered it again."
        ) % {"status": registration.get_status_display().lower()}
        return messages.INFO, text
    if registration.status == registration.Status.WAITING:
        text = _(
            "The event is full, so you are on the waiting list. We have sent you an email and "
            "will write again if a place becomes free."
        )
        return messages.WARNING, text
    return messages.SUCCESS, _("You are registered. We have sent a confirmation to your email.")


@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    context = {"event": event, "title": localized(event, "title")}
    if not event.takes_registrations:
        return render(request, "events/register_unavailable.html", context, status=404)
    if not event.registration_open():
        return render(request, "events/register_closed.html", context, status=410)

    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Only complete submissions count: someone correcting a typo is not a robot.
        if over_hourly_limit(request, "registrations", REGISTRATIONS_PER_ADDRESS_PER_HOUR):
            return render(request, "events/register_limited.html", context, status=429)
        if form.is_spam:
            # Robots get the same answer as people, and nothing is stored.
            messages.success(request, _("Thank you. Your registration has been received."))
            return redirect(request.path)
        details = {name: form.cleaned_data[name] for name in ("name", "affiliation", "country")}
        registration, created = event.register(
            email=form.cleaned_data["email"],
            language=get_language(),
            consent=True,
            **details,
        )
        if created:
            emails.send_confirmation(registration)
        messages.add_message(request, *_outcome_message(registration, created))
        return redirect(request.path)

    context.update(
        form=form, places_left=event.places_left(event.registrations.confirmed().count())
    )
    return render(request, "events/register.html", context)


# "Your registration": the personal link in every email to a registrant. The pages show one
# person's details, so neither the page cache nor nginx keeps them (never_cache: private,
# no-store), and search engines are asked not to index them.


def _link_message(request, message, *, event=None, status=200, done=False):
    context = {"heading": _("Your registration"), "event": event, "message": message, "done": done}
    if event is not None:
        context["title"] = localized(event, "title")
    return render(request, "events/register_message.html", context, status=status)


def _link_page(request, template, registration, token, **context):
    event = registration.event
    context |= {
        "registration": registration,
        "event": event,
        "title": localized(event, "title"),
        "token": token,
    }
    return render(request, template, context)


def _registration_from_link(request, slug, token, *, attendees_after_the_end=False):
    """(registration, None) for a link that may be used; (None, the page that says why) for a
    forged or outdated one, a cancelled registration, or an event that is over (except, where
    asked, for those who attended it: their page offers the certificate)."""
    registration = Registration.objects.from_link(token)
    if registration is None or registration.event.slug != slug or not registration.event.is_visible:
        message = _(
            "This link is not valid. Please open the whole link from your email; if it still "
            "does not work, write to the department."
        )
        return None, _link_message(request, message, status=404)
    event = registration.event
    if registration.status == Registration.Status.CANCELLED:
        message = _("This registration has been cancelled.")
        return None, _link_message(request, message, event=event, status=410)
    if event.has_ended() and not (attendees_after_the_end and registration.attended):
        message = _("This link has expired: the event is over.")
        return None, _link_message(request, message, event=event, status=410)
    return registration, None


@never_cache
@require_http_methods(["GET", "HEAD"])
def registration(request, slug, token):
    registration, refusal = _registration_from_link(
        request, slug, token, attendees_after_the_end=True
    )
    if refusal:
        return refusal
    event, now = registration.event, timezone.now()
    return _link_page(
        request,
        "events/registration.html",
        registration,
        token,
        changeable=event.registrations_changeable(now),
        show_join_link=(
            registration.status == Registration.Status.CONFIRMED and event.join_link_visible(now)
        ),
        certificate=registration.may_have_certificate(now),
    )


@never_cache
@require_http_methods(["GET"])
def join(request, slug, token):
    """A registrant's own way into the webinar: the first follow is written in the join log
    (staff tick attendance from it), then on to the event's join link. Only while the link is
    shown on the event page, so that a mail scanner opening it on delivery records nothing."""
    registration, refusal = _registration_from_link(request, slug, token)
    if refusal:
        return refusal
    event = registration.event
    if registration.status != Registration.Status.CONFIRMED:
        message = _("The link to join is for those who have a place; you are on the waiting list.")
        return _link_message(request, message, event=event, status=403)
    if not event.join_link_visible():
        message = _("The link to join works from an hour before the start to the end.")
        return _link_message(request, message, event=event, status=403)
    registration.record_join()
    return redirect(event.join_url)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_registration(request, slug, token):
    """Asks once (this page), then cancels (its POST)."""
    registration, refusal = _registration_from_link(request, slug, token)
    if refusal:
        return refusal
    event = registration.event
    if not event.registrations_changeable():
        message = _("The event has started: the registration can no longer be cancelled.")
        return _link_message(request, message, event=event, status=410)
    if request.method == "POST":
        cancelled, promoted = registration.cancel()
        emails.send_promotions(promoted)
        if not cancelled:  # a second click, or two tabs
            message = _("This registration has been cancelled.")
            return _link_message(request, message, event=event, status=410)
        emails.send_cancellation(registration)
        message = _(
            "Your registration is cancelled. We have sent you an email with a calendar file "
            "that removes the event from your calendar."
        )
        return _link_message(request, message, event=event, done=True)
    return _link_page(request, "events/registration_cancel.html", registration, token)


def _ics_response(payload, filename):
    response = HttpResponse(payload, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    title = str(localized(event, "title"))
    payload = calendar([event], title, lambda item: absolute_url(item.get_absolute_url(), request))
    return _ics_response(payload, f"{event.slug}.ics")


def calendar_ics(request):
    """A subscribable feed of upcoming events; ?kind=webinar (or another kind) narrows it."""
    kind = request.GET.get("kind", "")
    events = Event.objects.published().upcoming()
    name = _("SamSMU international events")
    if kind:
        if kind not in Event.Kind.values:
            raise Http404("Unknown kind of event")
        events = events.filter(kind=kind)
        name = f"{name}: {Event.Kind(kind).label}"
    payload = calendar(
        events[:CALENDAR_LENGTH],
        name,
        lambda item: absolute_url(item.get_absolute_url(), request),
    )
    return _ics_response(payload, f"samsmu-events-{kind or 'all'}.ics")


class EventFeed(ContentFeed):
    guid_prefix = "event"

    def title(self):
        return _("Events of the Department of International Cooperation, SamSMU")

    def author_name(self):
        return _("Department of International Cooperation, Samarkand State Medical University")

    def subtitle(self):
        return _("Staff mobility, conferences, delegations, seminars and webinars.")

    def items(self):
        return Event.objects.published().order_by("-starts_at", "-pk")[:FEED_LENGTH]
