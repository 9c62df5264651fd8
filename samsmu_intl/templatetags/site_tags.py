from django import template

from samsmu_intl.i18n import localized as localized_text

register = template.Library()


@register.simple_tag
def localized(instance, field_name):
    """`{% localized partner "name" as name %}`: the text in the page's language or its fallback;
    `{{ name.lang_attr }}` inside the enclosing tag marks a fallback with its own language."""
    return localized_text(instance, field_name)
