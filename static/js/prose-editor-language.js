// The rich-text editor's menu in the staff member's language.
// django-prose-editor writes its buttons' tooltips and screen-reader labels ("bold",
// "heading 3") and its block menu ("Paragraph") in English, outside gettext. This extension
// (named last in RICH_TEXT_EXTENSIONS, samsmu_intl/content/text.py) runs after the menu's items
// are defined and before they are drawn, and passes each of those texts through Django's
// JavaScript catalogue, which the admin's pages load (locale/vendor/*/djangojs.po).
import { Extension } from "django-prose-editor/editor"

const translate = (text) => (window.gettext ? window.gettext(text) : text)

function translateItem(item) {
  for (const attribute of ["title", "aria-label"]) {
    const text = item.button?.getAttribute(attribute)
    if (text) item.button.setAttribute(attribute, translate(text))
  }
  if (item.option) item.option.textContent = translate(item.option.textContent)
}

export const MenuInLanguage = Extension.create({
  name: "menuInLanguage",

  addMenuItems({ buttons, menu }) {
    for (const item of menu.items("blockType nodes marks lists link history utility table")) {
      translateItem(item)
    }
    // Items an extension after this one defines, and the sign the block menu shows when no
    // block type applies (a "question_mark" button made after this, with no title).
    const defineItem = menu.defineItem
    menu.defineItem = (item) => {
      translateItem(item)
      defineItem(item)
    }
    const material = buttons.material
    buttons.material = (icon, title = "") =>
      material(icon, title || (icon === "question_mark" ? translate("Block type") : ""))
  },
})
