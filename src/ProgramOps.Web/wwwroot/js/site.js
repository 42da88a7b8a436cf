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
