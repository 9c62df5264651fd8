from django import template

from samsmu_intl.editorial.dashboard import dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def editorial_dashboard(context):
    """The admin home page's figures, for the request's user."""
    return dashboard(context["request"])
