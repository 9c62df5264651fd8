import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from samsmu_intl.content.forms import option_tags
from samsmu_intl.content.languages import localized as localized_text
from samsmu_intl.content.text import sanitize_rich_text
from samsmu_intl.serving.origin import absolute_url as absolute_url_for

register = template.Library()


@register.simple_tag
def localized(instance, field_name):
    """`{% localized partner "name" as name %}`: the text in the page's language or its fallback;
    `{{ name.lang_attr }}` inside the enclosing tag marks a fallback with its own language."""
    return localized_text(instance, field_name)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An absolute address for a path (SITE_URL, or this request's host)."""
    return absolute_url_for(path, context["request"])


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    return absolute_url_for(static(path), context["request"])


@register.simple_tag
def json_ld(data):
    """A JSON-LD block; <, > and & are escaped so that no text can close the script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def facet_options(group):
    """A filter's <option>s with their counts: a country list can hold two hundred options."""
    selected = group["selected"]
    return option_tags(
        (option["value"], f"{option['label']} ({option['count']})", option["value"] == selected)
        for option in group["options"]
    )


@register.filter
def one_of(value, names):
    """`{% if current|one_of:"partners:list partners:map" %}`: value is one of the names."""
    return value in names.split()


@register.filter
def rich_text(html):
    """Rich text from the admin, sanitised again as it is shown: whatever reached the database
    (an old row, a raw SQL fix, a restore), no script or event handler reaches a page."""
    return mark_safe(sanitize_rich_text(str(html or "")))


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: what the enclosed template writes, its white
    space collapsed, as a variable. base.html writes a page's title and description twice (the
    <title> and the sharing tags) from one block each."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped HTML; collapsing white space keeps it so.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""
