// Plain JavaScript: send the form as JSON to the quote request API and show each field's error next to it.
const form = document.getElementById('quote-form');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  document.querySelectorAll('.error').forEach(e => e.remove());
  document.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
  const value = id => form.elements[id].value.trim();
  const checked = name => [...form.querySelectorAll(`input[name=${name}]:checked`)].map(c => c.value);
  const body = {
    companyName: value('companyName'), contactName: value('contactName'), contactEmail: value('contactEmail'),
    phone: value('phone'), seats: value('seats') === '' ? null : Number(value('seats')),
    requestedServices: checked('requestedServices'), auxiliaryServices: checked('auxiliaryServices'),
    currentProvider: value('currentProvider'), notes: value('notes')
  };
  const problem = document.getElementById('problem');
  problem.hidden = true;
  const response = await fetch('/api/quote-requests', {
    method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
    body: JSON.stringify(body)
  });
  const answer = await response.json();
  if (response.status === 201) {
    form.hidden = true;
    document.getElementById('intro').hidden = true;
    const result = document.getElementById('result');
    result.textContent = `Thank you! Your quote request number is ${answer.quoteNumber}. ` +
      `A confirmation is on its way to ${body.contactEmail}.`;
    result.hidden = false;
    return;
  }
  problem.textContent = answer.errors
    ? 'Please correct the fields marked below.'
    : 'Something went wrong on our side. Please try again in a few minutes.';
  problem.hidden = false;
  (answer.errors || []).forEach(error => {
    const id = error.field.replace(/\[\d+\]$/, '');
    const field = document.getElementById(id);
    if (!field) return;
    field.classList.add('invalid');
    const message = document.createElement('div');
    message.className = 'error';
    message.textContent = error.message;
    field.insertAdjacentElement(field.tagName === 'FIELDSET' ? 'beforeend' : 'afterend', message);
  });
});
