// Forms and links that need a second thought carry data-confirm="question"; the question is asked before they go.
document.addEventListener('submit', event => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// Buttons that need a second thought inside a larger form carry data-confirm-click="question".
document.addEventListener('click', event => {
  const button = event.target.closest('[data-confirm-click]');
  if (button && !window.confirm(button.dataset.confirmClick)) event.preventDefault();
});

// A choice that applies at once (the language switch) carries data-submit-on-change; no inline script (CSP).
document.addEventListener('change', event => {
  if (event.target.matches('[data-submit-on-change]')) event.target.form.submit();
});

// A choice that narrows a table (a cohort's program → the contracts for it) carries data-filters-rows="#table"; each
// option and row carries data-program. The server refuses the hidden rows anyway: this only keeps them out of the way.
function filterRows(select) {
  const table = document.querySelector(select.dataset.filtersRows);
  const program = select.selectedOptions[0]?.dataset.program;
  if (!table || !program) return;
  table.querySelectorAll('tbody tr[data-program]').forEach(row => { row.hidden = row.dataset.program !== program; });
}
document.addEventListener('change', event => {
  if (event.target.matches('select[data-filters-rows]')) filterRows(event.target);
});
document.querySelectorAll('select[data-filters-rows]').forEach(filterRows);
