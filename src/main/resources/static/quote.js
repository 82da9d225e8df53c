// Plain JavaScript: send the form as JSON to the quote request API. When the API refuses fields, each field shows
// one message in the customer's words (its data-error text), and a summary at the top lists them in the order of
// the form, with links to the fields, and takes the focus so that a phone scrolls to it.
const form = document.getElementById('quote-form');
const fields = [...form.querySelectorAll('[data-error]')];

function showProblems(problem, refused, status) {
  const invalid = fields.filter(field => refused.has(field.id));
  problem.replaceChildren();
  if (invalid.length === 0) {
    problem.textContent = status === 429
      ? 'You sent several requests in a short time. Please wait a minute and send it again.'
      : 'We could not send your request just now. Please try again in a few minutes.';
  } else {
    const intro = document.createElement('p');
    intro.textContent = invalid.length === 1
      ? 'Please correct one field before we can send your request:'
      : `Please correct ${invalid.length} fields before we can send your request:`;
    const list = document.createElement('ul');
    invalid.forEach(field => {
      field.classList.add('invalid');
      field.setAttribute('aria-invalid', 'true');
      const message = document.createElement('div');
      message.className = 'error';
      message.id = `${field.id}-error`;
      message.textContent = field.dataset.error;
      field.setAttribute('aria-describedby', message.id);
      field.insertAdjacentElement(field.tagName === 'FIELDSET' ? 'beforeend' : 'afterend', message);
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${field.id}`;
      link.textContent = field.dataset.error;
      item.append(link);
      list.append(item);
    });
    problem.append(intro, list);
  }
  problem.hidden = false;
  problem.focus();
  problem.scrollIntoView({block: 'start'});
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  document.querySelectorAll('.error').forEach(e => e.remove());
  document.querySelectorAll('.invalid').forEach(e => {
    e.classList.remove('invalid');
    e.removeAttribute('aria-invalid');
    e.removeAttribute('aria-describedby');
  });
  const value = id => form.elements[id].value.trim();
  const checked = name => [...form.querySelectorAll(`input[name=${name}]:checked`)].map(c => c.value);
  const seats = value('seats');
  const body = {
    companyName: value('companyName'), contactName: value('contactName'), contactEmail: value('contactEmail'),
    phone: value('phone'), seats: seats === '' ? null : (/^\d+$/.test(seats) ? Number(seats) : seats),
    requestedServices: checked('requestedServices'), auxiliaryServices: checked('auxiliaryServices'),
    currentProvider: value('currentProvider'), notes: value('notes')
  };
  const problem = document.getElementById('problem');
  problem.hidden = true;
  let response;
  let answer = {};
  try {
    response = await fetch('/api/quote-requests', {
      method: 'POST', headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
      body: JSON.stringify(body)
    });
    answer = await response.json().catch(() => ({}));
  } catch (offline) {
    response = {status: 0};
  }
  if (response.status === 201) {
    form.hidden = true;
    document.getElementById('intro').hidden = true;
    const result = document.getElementById('result');
    result.textContent = `Thank you! Your quote request number is ${answer.quoteNumber}. ` +
      `A confirmation is on its way to ${body.contactEmail}.`;
    result.hidden = false;
    result.focus();
    result.scrollIntoView({block: 'start'});
    return;
  }
  // "requestedServices[0]" is the field requestedServices
  const refused = new Set((answer.errors || []).map(error => String(error.field).replace(/\[\d+\].*$/, '')));
  showProblems(problem, refused, response.status);
});
