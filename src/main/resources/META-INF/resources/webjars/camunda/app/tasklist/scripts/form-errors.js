/*
 * Touchpoint's Tasklist script, loaded through customScripts in scripts/config.js.
 *
 * A task form (Camunda Forms, form-js) completed with a required field left empty: Tasklist runs form-js's validation,
 * which marks the field with "Field is required.", and shows "An error happened while submitting the task form" over
 * the Complete button. The marked field is often far above the button, out of sight, so the user saw only the generic
 * message. This script
 *  - says at the field, in the user's words, what is missing ("Needs analysis is missing: please fill it in."),
 *  - and, when Complete found errors, scrolls the first field with an error into view and puts the cursor in it.
 * form-js's other messages (minimum, maximum, pattern) are left as they are.
 */
const REQUIRED = 'Field is required.';
const CHOICES = ['checklist', 'radio', 'select', 'taglist'];

function nameOf(field) {
  const label = field.querySelector('.fjs-form-field-label');
  if (!label) {
    return 'This field';
  }
  const copy = label.cloneNode(true);
  copy.querySelectorAll('.fjs-asterix, input').forEach((part) => part.remove());
  return copy.textContent.trim() || 'This field';
}

function missing(field) {
  const name = nameOf(field);
  if (field.classList.contains('fjs-form-field-checkbox')) {
    return `${name}: please tick this box to complete the task.`;
  }
  if (CHOICES.some((type) => field.classList.contains(`fjs-form-field-${type}`))) {
    return `${name} is missing: please choose.`;
  }
  return `${name} is missing: please fill it in.`;
}

function sayWhatIsMissing() {
  document.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    const text = item.firstChild;
    if (text && text.nodeType === Node.TEXT_NODE && text.data.trim() === REQUIRED) {
      const field = item.closest('.fjs-form-field');
      // the text node form-js rendered keeps its place, so form-js can still update or remove it
      text.data = field ? missing(field) : 'This field is missing: please fill it in.';
    }
  });
}

function showFirstError(triesLeft) {
  const field = document.querySelector('.fjs-form .fjs-form-field.fjs-has-errors');
  if (!field) {
    if (triesLeft > 0) {
      setTimeout(() => showFirstError(triesLeft - 1), 100);
    }
    return;
  }
  sayWhatIsMissing();
  field.scrollIntoView({ block: 'center' });
  const input = field.querySelector('input:not([readonly]), textarea, select, button');
  if (input) {
    input.focus({ preventScroll: true });
  }
}

new MutationObserver(sayWhatIsMissing).observe(document.body, { childList: true, subtree: true, characterData: true });

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[ng-click="complete()"]') : null;
  if (button) {
    showFirstError(10);
  }
}, true);
