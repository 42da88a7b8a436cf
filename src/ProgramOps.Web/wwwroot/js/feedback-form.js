// Choosing the cohort a feedback item is about fills its program and (unless the cohort is joint) its client.
document.addEventListener('change', event => {
  const cohort = event.target.closest('select[data-fills-program]');
  const chosen = cohort?.selectedOptions[0];
  if (!chosen?.value) return;
  const fill = (name, value) => { if (value) cohort.form.elements.namedItem(name).value = value; };
  fill(cohort.dataset.fillsProgram, chosen.dataset.program);
  fill(cohort.dataset.fillsClient, chosen.dataset.client);
});
