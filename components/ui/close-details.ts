/** Closes the <details> around a form and puts focus back on its summary, so a keyboard user is not left on a hidden field. */
export function closeDetails(form: HTMLFormElement): void {
  const details = form.closest("details");
  if (!details) return;
  details.open = false;
  details.querySelector("summary")?.focus();
}
