// The program editor shows only what applies: the fields of the chosen success criterion, the CO limit once CO is
// checked, and of the milestones and shipments the rows in use, with a button that adds one more. Without script every
// field and row shows and still works (the server reads only the chosen criterion's fields and ignores blank rows).
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

  // A row's own fields, not the hidden one MVC adds to say how its number is written.
  const fieldsOf = row => [...row.querySelectorAll('input:not([type="hidden"])')];
  const isInUse = row => fieldsOf(row).some(input => input.value.trim() !== '');

  for (const table of form.querySelectorAll('[data-week-rows]')) {
    const rows = [...table.tBodies[0].rows];
    const add = form.querySelector(`[data-add-row="${table.dataset.weekRows}"]`);
    const lastInUse = rows.findLastIndex(isInUse);
    rows.forEach((row, index) => show(row, index <= Math.max(lastInUse, 0)));
    const showAdd = () => show(add, rows.some(row => row.hidden));
    add.addEventListener('click', () => {
      const next = rows.find(row => row.hidden);
      show(next, true);
      fieldsOf(next)[0].focus();
      showAdd();
    });
    showAdd();
  }

  form.addEventListener('change', showDependents);
  showDependents();
})();
