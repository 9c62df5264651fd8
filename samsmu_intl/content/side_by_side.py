"""Translating side by side: on a change page, under each translated field (the item's and its
inline rows'), the same field's text in the other languages as it stands in the form, each with
a button that copies it into this language's field, to be edited from there.

All of it happens in the browser (static/js/admin-translations.js) with the texts the form
already holds: no query and no markup per field. The page only carries the script, with the
words it shows in the staff member's language as data attributes (the admin's CSP allows
scripts from the site itself, and no inline ones without the nonce)."""

import json

from django.conf import settings
from django.forms import Media
from django.forms.widgets import Script
from django.utils.translation import gettext


def side_by_side_script():
    languages = [
        {"code": code, "name": name, "copy": gettext("Copy from %(language)s") % {"language": name}}
        for code, name in settings.LANGUAGE_AUTONYMS.items()
    ]
    return Script(
        "js/admin-translations.js",
        **{
            "data-languages": json.dumps(languages, ensure_ascii=False),
            "data-label": gettext("The same text in the other languages"),
            "data-empty": gettext("(empty)"),
            "data-replace": gettext(
                "Replace the text already in this field with the %(language)s text?"
            ),
        },
    )


class SideBySideTranslationMixin:
    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = context["media"] + Media(js=[side_by_side_script()])
        return super().render_change_form(request, context, *args, **kwargs)
