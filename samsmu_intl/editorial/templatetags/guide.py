from django import template

from samsmu_intl.editorial.guide import section_for

register = template.Library()


@register.simple_tag
def guide_section(opts):
    """The editors' guide section on the model whose admin page this is (its `_meta`)."""
    return section_for(opts)
