"""The department on every page (its name, contacts and identity in the header and footer),
read from the database only when a template asks for it."""

from django.utils.functional import SimpleLazyObject

from samsmu_intl.department.models import Department


def department(request):
    return {"department": SimpleLazyObject(Department.load)}
