// Remember the language a visitor picks, so that "/" sends them back to it next time. The
// switcher works without this: it is a plain link to the same page in another language.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".language-switcher a[data-language]");
  if (link) {
    document.cookie = `django_language=${link.dataset.language}; path=/; max-age=31536000; samesite=lax`;
  }
});
