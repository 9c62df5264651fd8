from django import template
from django.utils.html import format_html, format_html_join

from events.models import time_zone_note

register = template.Library()


@register.simple_tag
def event_when(event):
    """`{% event_when event %}`: the event's dates (Event.when()) as <time> elements, and the
    time zone when the time is shown. Written here rather than in a template so that no line
    break of the template's own becomes a space inside a sentence: "(April 2025)"."""
    moments = format_html_join(
        "",
        '{}<time datetime="{}">{}</time>',
        ((when.before, when.value, when.text) for when in event.when()),
    )
    if event.shows_time:
        return format_html('{} <span class="timezone">({})</span>', moments, time_zone_note())
    return moments
