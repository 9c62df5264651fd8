"""The data a browser would send from an admin form as rendered: every field of the model's
form and its inlines, with the values shown. Tests change what they mean to change, so a change
form is submitted the way a person submits it."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A textarea's first newline is not part of its value.
            name, value = self._textarea
            self.data.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None


def form_data(response, form_id=None):
    """A dict of lists (for Client.post) of the form `form_id`, default: the admin's model form."""
    if form_id is None:
        opts = response.context["opts"]
        form_id = f"{opts.model_name}_form"
    return fields_of(response.content.decode(), form_id)


def fields_of(html, form_id):
    """The same from a page's HTML, for a page that a real server answered."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    assert data, f"no form {form_id!r} in the page"
    return data


def partner_form(**overrides):
    """A new partner's admin form, complete, with `overrides`: for tests of what a field accepts."""
    form = {
        "name_uz": "Sinov",
        "name_ru": "Тест",
        "name_en": "Test",
        "short_name_uz": "",
        "short_name_ru": "",
        "short_name_en": "",
        "slug": "test",
        "kind": "university",
        "country": "DE",
        "city_uz": "",
        "city_ru": "",
        "city_en": "",
        "region_override": "",
        "website": "",
        "description_uz": "",
        "description_ru": "",
        "description_en": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "status": "published",
        "agreements-TOTAL_FORMS": "0",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
    }
    form.update(overrides)
    return form
