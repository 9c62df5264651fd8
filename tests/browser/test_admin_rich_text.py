"""The rich-text editor in the staff member's language: what it draws (its buttons' tooltips and
screen-reader labels, its block menu) reads in Uzbek and Russian, not in the English that
django-prose-editor writes outside gettext, and its block menu's arrow is no missing-glyph box."""

import pytest
from django.urls import reverse

from tests.admin_english import is_interface_english
from tests.browser import log_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every text of the first editor's menu a person reads or hears, and what its arrow is drawn with.
DRAWN = """() => {
  const menu = [...document.querySelectorAll(".prose-menubar")].find((m) => m.offsetParent)
  const texts = []
  for (const element of menu.parentElement.querySelectorAll(".prose-menubar *")) {
    for (const name of ["title", "aria-label"]) {
      if (element.getAttribute(name)) texts.push(element.getAttribute(name))
    }
    if (element.matches(".prose-menubar__option")) texts.push(element.textContent.trim())
  }
  const selected = menu.querySelector(".prose-menubar__selected")
  return {texts, arrow: getComputedStyle(selected, "::after").content}
}"""


def drawn_menu(page, live_server, path, language):
    cookie = {"name": "django_language", "value": language, "url": live_server.url}
    page.context.add_cookies([cookie])
    page.goto(live_server.url + path)
    page.locator(".ProseMirror:visible").first.click()
    return page.evaluate(DRAWN)


DIALOG = """() => [...document.querySelectorAll("dialog[open] :is(h3, label, button)")]
  .map((element) => element.textContent.trim())"""


# The editors as they start (an init script keeps them); the first with text, its first word
# selected, asked to add a link.
KEEP_EDITORS = """document.addEventListener("prose-editor:ready",
  (event) => (window.editors = window.editors || []).push(event.detail.editor))"""
OPEN_LINK_DIALOG = """() => {
  const editor = window.editors.find((e) => e.getText().trim())
  editor.chain().focus().setTextSelection({from: 1, to: 3}).run()
  editor.commands.addLink()
}"""


def link_dialog(page):
    """The texts of the dialog that adds a link to the selected word."""
    page.evaluate(OPEN_LINK_DIALOG)
    page.locator("dialog.prose-editor-dialog[open]").wait_for(state="attached", timeout=5000)
    texts = page.evaluate(DIALOG)
    page.keyboard.press("Escape")
    return texts


def test_the_editor_draws_its_menu_in_the_staff_members_language(
    page, live_server, django_user_model, make_partner
):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a long passphrase 9")
    partner = make_partner(
        "charite",
        description_uz="<h3>Tarix</h3><p>Matn</p>",
        description_ru="<h3>История</h3><p>Текст</p>",
    )
    log_in_to_admin(page, live_server, "boss", "a long passphrase 9")
    page.add_init_script(KEEP_EDITORS)
    path = reverse("admin:partners_partner_change", args=[partner.pk])

    english = drawn_menu(page, live_server, path, "en")
    english_dialog = link_dialog(page)
    assert {"URL", "Title", "Edit Link", "Cancel"} <= set(english_dialog)
    assert {"Heading 3", "Paragraph", "bold", "undo"} <= set(english["texts"])
    expected = {
        "uz": {
            "3-darajali sarlavha",
            "4-darajali sarlavha",
            "Xatboshi",
            "Qalin",
            "Kursiv",
            "Havola qoʻyish",
            "Belgili roʻyxat",
            "Raqamli roʻyxat",
            "Iqtibos",
            "Bekor qilish",
            "Qaytarish",
        },
        "ru": {
            "Заголовок 3",
            "Заголовок 4",
            "Абзац",
            "Полужирный",
            "Курсив",
            "Вставить ссылку",
            "Маркированный список",
            "Нумерованный список",
            "Цитата",
            "Отменить",
            "Повторить",
        },
    }
    for language, words in expected.items():
        drawn = drawn_menu(page, live_server, path, language)
        assert words <= set(drawn["texts"]), language
        untranslated = {
            text
            for text in set(drawn["texts"]) & set(english["texts"])
            if is_interface_english(text, language)
        }
        assert untranslated == set(), language
        dialog = link_dialog(page)
        untranslated = {
            text
            for text in set(dialog) & set(english_dialog)
            if is_interface_english(text, language)
        }
        assert len(dialog) >= 4 and untranslated == set(), (language, dialog)
        # Its arrow is drawn by CSS borders: no character a font may lack ("⏷" drew "▯").
        assert drawn["arrow"] in ('""', "none"), drawn["arrow"]
        assert not any(char in text for text in drawn["texts"] for char in "▯⏷")

        # With text of two kinds selected no block type applies: the menu shows a sign whose
        # label was the icon's name, "question_mark".
        page.keyboard.press("Control+a")
        selected = page.locator(".prose-menubar__selected:visible button").first
        label = selected.get_attribute("aria-label")
        assert label == {"uz": "Matn bloki turi", "ru": "Тип блока"}[language]
