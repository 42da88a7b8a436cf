// Forms and links that need a second thought carry data-confirm="question"; the question is asked before they go.
document.addEventListener('submit', event => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});
