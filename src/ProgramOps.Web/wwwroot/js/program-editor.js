// The program editor shows only what applies: the fields of the chosen success criterion, and the CO limit once CO is
// checked. Without script every field shows and still works (the server reads only the chosen criterion's fields).
(() => {
  const form = document.querySelector('[data-program-editor]');
  if (!form) return;

  // Shown and hidden through the style, which the page's own display rules cannot override.
  const show = (element, on) => { element.hidden = !on; element.style.display = on ? '' : 'none'; };

  const showDependents = () => {
    for (const group of form.querySelectorAll('[data-shown-when]')) {
      const on = group.dataset.shownWhen.split('&').every(condition => {
        const [name, value] = condition.split('=');
        const checkbox = form.querySelector(`input[type="checkbox"][name="${name}"]`);
        return checkbox ? String(checkbox.checked) === value : form.elements.namedItem(name).value === value;
      });
      show(group, on);
      for (const input of group.querySelectorAll('input, select, textarea')) input.disabled = !on;
    }
  };

  form.addEventListener('change', showDependents);
  showDependents();
})();
