from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView

from events import emails
from events.calendar import calendar
from events.forms import RegistrationForm
from events.models import Event
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

    confirmed = event.registrations.confirmed().count()
    context.update(
        form=form,
        places_left=None if event.capacity is None else max(event.capacity - confirmed, 0),
    )
    return render(request, "events/register.html", context)


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
