// Remember the language a visitor picks, so that "/" sends them back to it next time. The
// switcher works without this: it is a plain link to the same page in another language.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".language-switcher a[data-language]");
  if (link) {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie =
      `django_language=${link.dataset.language}; path=/; max-age=31536000; samesite=lax${secure}`;
  }
});

// Filter forms: leave empty fields out of the address, so that links stay short and shareable
// and equal filters make equal (cacheable) URLs. Without JavaScript the form works the same.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.matches("form.filters")) {
    for (const field of form.elements) {
      if (field.name && field.value === "") field.disabled = true;
    }
  }
});

// The header's menu and the directory's filters are <details> that the stylesheet shows open on
// wide screens. A browser without `::details-content` cannot: open them there instead.
if (!CSS.supports("selector(::details-content)")) {
  for (const [selector, width] of [[".menu", "60rem"], [".disclosure--filters", "56rem"]]) {
    const wide = matchMedia(`(min-width: ${width})`);
    const follow = () => {
      for (const details of document.querySelectorAll(selector)) details.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
  }
}
