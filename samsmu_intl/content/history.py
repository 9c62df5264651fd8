"""History and recovery for every content admin (django-reversion, compared with
django-reversion-compare).

Every save in the admin is kept as a version, with who and when. A content model's admin
registers it with reversion, following its inlines (a partner's agreements, an event's photos,
the department's landing sections), so that reverting or recovering the parent brings its
inline rows back too. Translations are ordinary columns (modeltranslation), so every language
is in each version. Uploaded files are never deleted with their rows, so a recovered item finds
its images where they were."""

import difflib
import html
import re
from contextlib import contextmanager

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop
from reversion import add_to_revision, is_active, revisions, set_comment
from reversion_compare.admin import CompareVersionAdmin


@contextmanager
def _separate_revision():
    """Outside any revision already open (the change list opens one around its actions): that
    one is saved after the delete, when the deleted rows, and so their versions, are gone."""
    token = revisions._stack.set([])
    try:
        yield
    finally:
        revisions._stack.reset(token)


BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
WORDS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def readable_text(value):
    """Rich text as a reader sees it: paragraphs on their own lines, no markup, no entities."""
    text = BLOCK_END.sub("\n", value or "")
    return html.unescape(strip_tags(text)).strip()


def word_diff(old, new):
    """The words taken out (<del>) and put in (<ins>), everything else as it reads."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for operation, start1, end1, start2, end2 in matcher.get_opcodes():
        removed, added = "".join(before[start1:end1]), "".join(after[start2:end2])
        if operation == "equal":
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))


class HistoryMixin(CompareVersionAdmin):
    history_latest_first = True
    compare_template = "admin/history_compare.html"

    @property
    def compare_exclude(self):
        # What no editor types (search text, timestamps, derived region) is no difference to
        # them; comparing it would only add noise in English field names.
        return [field.name for field in self.model._meta.fields if not field.editable]

    # Comments are kept as the admin's change message (JSON, as LogEntry keeps it) or an English
    # msgid, not as text in the saving editor's language, and translated when they are shown
    # (the history_tags library): an Uzbek-reading editor reads a Russian-reading one's change
    # in Uzbek.
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def _snapshot(self, request, objs):
        """Keep each item as it is just before it is deleted: an item that was never saved in
        the admin (imported, seeded) is still recoverable, and the history says who deleted it."""
        with _separate_revision(), self.create_revision(request):
            set_comment(gettext_noop("Deleted in the admin."))
            for obj in objs:
                add_to_revision(obj)

    def delete_model(self, request, obj):
        with transaction.atomic(using=router.db_for_write(self.model)):
            self._snapshot(request, [obj])
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=router.db_for_write(self.model)):
            self._snapshot(request, list(queryset))
            super().delete_queryset(request, queryset)

    def _reversion_order_version_queryset(self, request, queryset):
        # Every list of versions says who saved each one: their accounts in the same query
        # (django-reversion's list of deleted items would read them one by one).
        ordered = super()._reversion_order_version_queryset(request, queryset)
        return ordered.select_related("revision__user")

    def fallback_compare(self, obj_compare):
        # reversion-compare diffs the stored text letter by letter, markup included ("<p>"): an
        # editor reads the words that changed instead.
        old, new = obj_compare.to_string()
        return word_diff(readable_text(old), readable_text(new))

    def compare_view(self, request, object_id, extra_context=None):
        # reversion-compare's view checks no permission of its own: whoever may not see the
        # item may not see its versions either.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        title = self._title_now(request, object_id, gettext("Compare %(name)s"))
        return super().compare_view(request, object_id, {**title, **(extra_context or {})})

    def revision_view(self, request, object_id, version_id, extra_context=None):
        title = self._title_now(request, object_id, gettext("Revert %(name)s"))
        return super().revision_view(
            request, object_id, version_id, {**title, **(extra_context or {})}
        )

    def _title_now(self, request, object_id, message):
        """The page's title with the item's name as it reads now, in the reader's language:
        reversion's is the name saved with the version, in the language of whoever saved it
        ("Department of International Cooperationni solishtirish" in the Uzbek admin)."""
        obj = self.get_object(request, unquote(object_id))
        return {} if obj is None else {"title": message % {"name": obj}}
