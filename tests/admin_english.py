"""What a person reads on an admin page, and which of it is English left untranslated.

A page is read as its text and the attributes people read (title, aria-label, placeholder, alt,
a button's value; <option> and <title> are text). Rendered once in Uzbek (or Russian) and once in
English with the same objects, a string that reads the same in both is English nobody translated,
unless it is the objects' own content, a number or a date, a code or an address, or one of the
few words below that are the same in every language. A string that differs only by a date in it
("Sign-in of ..., 2026-yil 6-dekabr" beside "..., Dec. 6, 2026") is caught by its words: two
English words in a row, words that the catalogues' English has and their Uzbek never uses."""

import functools
import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.html import strip_tags

READ_ATTRIBUTES = {"title", "aria-label", "aria-description", "placeholder", "alt"}
BUTTON_TYPES = {"submit", "button", "reset"}
# What is in these elements is the objects' own content or code, not the interface.
SKIPPED = {"script", "style", "textarea"}

# The same in Uzbek, Russian and English, each for a reason. (A word a catalogue translates to
# itself, such as "Seminar" in Uzbek or a country's name, is found in the catalogues instead.)
SAME_IN_EVERY_LANGUAGE = {
    # each language's own name, written in itself on the language choices and the field tabs
    "Oʻzbekcha",
    "Oʻzbek tili",
    "Русский",
    "English",
    # file formats on the export form, as import-export names them (the files' extensions)
    "csv",
    "xlsx",
    # the hashing algorithm of a password on the user page: a name, as in any documentation
    "md5",
    "pbkdf2_sha256",
    "argon2",
}
# ISO codes, abbreviations (UZ, PDF, URL, HTML), language codes on the translation marks (uz,
# ru, en) and secrets typed into a phone (the authenticator's key in groups of four).
CODE = re.compile(r"^([A-Z0-9+./:-]{1,5}|[a-z]{2})( [A-Z0-9]{4})*$")
# Nothing a language translates: numbers, dates, times, punctuation, symbols.
NO_WORDS = re.compile(r"^[\W\d_]*$")
ADDRESS = re.compile(r"^(https?://|/|mailto:)\S*$|^\S+@\S+$|^\S+\.(png|jpe?g|webp|pdf|xlsx|csv)$")
# A public document's type and size ("PDF, 240 KB"): the units read alike in every language.
FILE_SIZE = re.compile(r"^[A-Z]{3,4}, [\d.,\s]+ [KMG]B$")
# A password's hash and salt, shown masked on the user page.
MASKED = re.compile(r"^\w*\*{4,}$")
# Tables whose text is the interface's, not the objects' (rights' and content types' names, the
# history's data): an English word found there is not content.
NOT_CONTENT = {"contenttypes", "sessions"}
NOT_CONTENT_MODELS = {"auth.Permission"}


class InterfaceText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        attributes = dict(attrs)
        for name in READ_ATTRIBUTES & attributes.keys():
            self.strings.append(attributes[name] or "")
        if tag == "input" and (attributes.get("type") or "").lower() in BUTTON_TYPES:
            self.strings.append(attributes.get("value") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED:
            self.skipping -= 1

    def handle_endtag(self, tag):
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.strings.append(data)


@functools.cache
def same_on_purpose(language):
    """The msgids our catalogues translate to themselves in `language` ("Seminar", "Andorra")."""
    same = set()
    for folder in ("locale", "locale/vendor"):
        for domain in ("django", "djangojs"):
            path = Path(settings.BASE_DIR) / folder / language / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                entries = polib.pofile(str(path)).translated_entries()
                same.update(e.msgid for e in entries if e.msgstr == e.msgid)
    return same


def catalogues(language):
    """Our catalogues and those Django ships for `language`."""
    import django

    django_root = Path(django.__file__).parent
    paths = [
        Path(settings.BASE_DIR) / folder / language / "LC_MESSAGES" / f"{domain}.po"
        for folder in ("locale", "locale/vendor")
        for domain in ("django", "djangojs")
    ]
    paths += django_root.glob(f"conf/locale/{language}/LC_MESSAGES/django.po")
    paths += django_root.glob(f"contrib/*/locale/{language}/LC_MESSAGES/django*.po")
    return [polib.pofile(str(path)) for path in paths if path.exists()]


WORD = re.compile(r"[A-Za-z]{2,}")


@functools.cache
def english_words():
    """Words of the catalogues' English that no Uzbek translation uses ("the", "Sign", "of";
    not "Import", "Seminar" or "Single Sign-On", which the Uzbek text keeps)."""
    english, uzbek = set(), set()
    for catalogue in catalogues("uz"):
        for entry in catalogue:
            english.update(WORD.findall(entry.msgid + " " + (entry.msgid_plural or "")))
            uzbek.update(WORD.findall(" ".join([entry.msgstr, *entry.msgstr_plural.values()])))
    return frozenset(english - uzbek)


def has_english_words(text):
    """Two English words next to each other (a space or a hyphen between them)."""
    words = english_words()
    found = list(WORD.finditer(text))
    return any(
        first.group() in words
        and second.group() in words
        and text[first.end() : second.start()] in (" ", "-")
        for first, second in itertools.pairwise(found)
    )


@functools.cache
def our_msgids():
    path = Path(settings.BASE_DIR) / "locale" / "uz" / "LC_MESSAGES" / "django.po"
    return {entry.msgid for entry in polib.pofile(str(path))}


def content_of_the_database(*more):
    """Every text the objects hold (names, addresses, messages, usernames) as a page shows it, and
    `more` (a file's cells): an interface string is what is left of a page's text once these are
    taken out. A stored text that is one of our msgids (the editors' group's name) is shown
    through the catalogues: it stays."""
    texts = {str(text) for text in more if text}
    for model in apps.get_models():
        if model._meta.app_label in NOT_CONTENT or model._meta.label in NOT_CONTENT_MODELS:
            continue
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            # An uploaded file's name ("documents/form.pdf") is content too.
            if isinstance(f, models.CharField | models.TextField | models.FileField)
            and not f.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if value and len(value) >= 3:
                    texts.update({value, " ".join(strip_tags(value).split())})
    # A stored file type ("pdf") would cut the extension off every file name on the page,
    # leaving "form." that no rule recognises: such short codes are not taken out.
    texts = {t for t in texts if len(t) >= 3 and not re.fullmatch(r"[a-z]{3,4}", t)}
    texts -= our_msgids()
    alternatives = "|".join(map(re.escape, sorted(texts, key=len, reverse=True)))
    # A whole word or words, or with an Uzbek suffix joined to it ("...ni solishtirish").
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:ni|ning|ga|da|dan|lar)?(?!\w)")


def interface_strings(html, content):
    parser = InterfaceText()
    parser.feed(html)
    strings = set()
    for raw in parser.strings:
        text = " ".join(content.sub(" ", raw).split()) if content.pattern else " ".join(raw.split())
        if text:
            strings.add(text)
    return strings


def is_interface_english(text, language):
    bare = text.strip("›:( )")
    return not (
        NO_WORDS.match(text)
        or CODE.match(bare)
        or ADDRESS.match(bare)
        or MASKED.match(bare)
        or FILE_SIZE.match(bare)
        or bare in SAME_IN_EVERY_LANGUAGE
        or bare in same_on_purpose(language)
    )


def untranslated(translated_html, english_html, content, language):
    """The strings of a page in `language` that read as they do on the English page, or that
    have English words in them."""
    strings = interface_strings(translated_html, content)
    same = strings & interface_strings(english_html, content)
    return sorted(
        text
        for text in strings
        if (text in same or has_english_words(text)) and is_interface_english(text, language)
    )
