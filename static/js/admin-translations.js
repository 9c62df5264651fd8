// Translating side by side (samsmu_intl/content/side_by_side.py): under each translated field
// of a change page, the same field's text in the other languages as it stands in the form, each
// with a button that copies it into this field. Plain inputs, text areas and the rich-text
// editor (django-prose-editor) alike; inline rows too, also those added on the page. Without
// JavaScript the language tabs work as before.
(() => {
  const script = document.currentScript;
  const languages = JSON.parse(script.dataset.languages);
  const codes = languages.map((language) => language.code);
  const FIELD = /^mt-field-.+-([a-z]+)$/;
  const editors = new WeakMap(); // a rich-text field's textarea -> its editor

  // The editor announces itself once it has taken over its textarea.
  document.addEventListener("prose-editor:ready", (event) => {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function languageOf(field) {
    for (const name of field.classList) {
      const match = FIELD.exec(name);
      if (match && codes.includes(match[1])) return match[1];
    }
    return null;
  }

  // The field of another language in the same group: `id_name_uz` -> `id_name_ru`, and in an
  // inline row `id_photos-0-alt_uz` -> `id_photos-0-alt_ru`.
  function sibling(field, code) {
    const language = languageOf(field);
    return document.getElementById(field.id.slice(0, -language.length) + code);
  }

  function isRich(field) {
    return field.getAttributeNames().some((name) => name.startsWith("data-django-prose-editor"));
  }

  // Rich text as it reads: one line per paragraph, list item or heading; no markup. Parsed in
  // an inert document, so nothing the text holds is fetched or run.
  function readable(field) {
    if (!isRich(field)) return field.value.trim();
    const body = new DOMParser().parseFromString(field.value, "text/html").body;
    for (const br of body.querySelectorAll("br")) br.replaceWith("\n");
    for (const block of body.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, blockquote")) {
      block.append("\n");
    }
    return body.textContent.replace(/\n{2,}/g, "\n").trim();
  }

  function build(field) {
    const own = languageOf(field);
    const aside = document.createElement("div");
    aside.className = "translation-aside";
    aside.setAttribute("role", "group");
    aside.setAttribute("aria-label", script.dataset.label);
    aside.dataset.for = field.id;
    for (const language of languages) {
      const other = language.code === own ? null : sibling(field, language.code);
      if (!other) continue;
      const item = document.createElement("div");
      item.className = "translation-aside__item";
      item.dataset.language = language.code;
      const head = document.createElement("div");
      head.className = "translation-aside__head";
      const name = document.createElement("strong");
      name.textContent = language.name;
      name.lang = language.code;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "translation-aside__copy";
      button.dataset.copyFrom = other.id;
      button.textContent = language.copy;
      head.append(name, button);
      const text = document.createElement("div");
      text.className = "translation-aside__text";
      text.lang = language.code;
      item.append(head, text);
      aside.append(item);
    }
    if (!aside.children.length) return;
    // After the label and widget's row (the editor wraps its textarea in its own element
    // later), before the help text.
    const row = field.closest(".flex-container") || field;
    row.after(aside);
    refresh(aside);
  }

  // Shown once another language has text: a new item's form is not doubled by empty boxes.
  function refresh(aside) {
    let any = false;
    for (const button of aside.querySelectorAll("[data-copy-from]")) {
      const text = readable(document.getElementById(button.dataset.copyFrom));
      const box = button.closest(".translation-aside__item").querySelector(".translation-aside__text");
      box.textContent = text || script.dataset.empty;
      box.classList.toggle("translation-aside__text--empty", !text);
      button.disabled = !text;
      any ||= Boolean(text);
    }
    aside.hidden = !any;
  }

  function setUp(root) {
    for (const field of root.querySelectorAll("input.mt, textarea.mt")) {
      const usable = field.id && !field.id.includes("__prefix__") && !field.disabled && !field.readOnly;
      if (usable && languageOf(field) && !document.querySelector(`[data-for="${field.id}"]`)) {
        build(field);
      }
    }
  }

  function copy(button) {
    const aside = button.closest(".translation-aside");
    const target = document.getElementById(aside.dataset.for);
    const source = document.getElementById(button.dataset.copyFrom);
    const value = source.value;
    if (readable(target) && target.value !== value) {
      const name = button.closest(".translation-aside__item").querySelector("strong").textContent;
      if (!window.confirm(script.dataset.replace.replace("%(language)s", name))) return;
    }
    const editor = editors.get(target);
    if (editor) {
      editor.commands.setContent(value); // writes the textarea and says so ("input")
      editor.commands.focus("end");
    } else {
      target.value = value;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.dispatchEvent(new Event("change", { bubbles: true }));
      target.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".translation-aside__copy");
    if (button) copy(button);
  });

  // Typing in one language shows at once beside the others.
  document.addEventListener("input", (event) => {
    const field = event.target;
    if (!field.classList || !field.classList.contains("mt") || !languageOf(field)) return;
    for (const code of codes) {
      const other = sibling(field, code);
      const aside = other && document.querySelector(`[data-for="${other.id}"]`);
      if (aside) refresh(aside);
    }
  });

  document.addEventListener("DOMContentLoaded", () => setUp(document));
  document.addEventListener("formset:added", (event) => setUp(event.target));
})();
