import { askForKey, cell, keyHeaders, showMessage } from './console.js';

const form = document.getElementById('upload');
const progress = document.getElementById('progress');
const progressText = document.getElementById('progress-text');
const outcome = document.getElementById('outcome');
const message = document.getElementById('message');

/** The upload through XMLHttpRequest: the one browser API that reports bytes sent as they go. */
function send(file) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/cargarCsvHistorico');
    for (const [name, value] of Object.entries(keyHeaders())) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return;
      progress.value = event.loaded / event.total;
      progressText.textContent = `${event.loaded.toLocaleString('en-US')} of ${event.total.toLocaleString('en-US')} bytes sent`;
    });
    request.addEventListener('load', () => resolve({ status: request.status, body: JSON.parse(request.responseText || 'null') }));
    request.addEventListener('error', () => reject(new Error('The service cannot be reached. Check that it is running.')));
    const data = new FormData();
    data.append('archivo_csv', file);
    request.send(data);
  });
}

function problems(body) {
  const table = document.createElement('table');
  table.id = 'problems';
  table.createTHead().insertRow().append(...['Line', 'Column', 'Value', 'Problem'].map((text) => Object.assign(document.createElement('th'), { textContent: text })));
  const rows = table.createTBody();
  for (const problem of body.errors ?? []) {
    const row = rows.insertRow();
    [problem.line, problem.column, problem.value, problem.message].forEach((value) => cell(row, value));
  }
  return table;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('file').files[0];
  if (!file) return;
  message.hidden = true;
  outcome.hidden = true;
  progress.value = 0;
  try {
    let answer = await send(file);
    if ((answer.status === 401 || answer.status === 403) && askForKey(answer.status)) answer = await send(file);
    const { status, body } = answer;
    outcome.hidden = false;
    if (status === 201 || status === 200) {
      progress.value = 1;
      outcome.replaceChildren(Object.assign(document.createElement('p'), {
        id: 'inserted', className: 'verdict normal',
        textContent: status === 201 ? `${body.inserted.toLocaleString('en-US')} rows inserted.` : 'This file was loaded before: nothing inserted.',
      }));
    } else if (body?.code === 'CSV_INVALID') {
      const summary = Object.assign(document.createElement('p'), { className: 'verdict anomaly', textContent: `Nothing stored: ${body.bad_rows ?? body.errors?.length ?? 0} bad rows. The first ones:` });
      outcome.replaceChildren(summary, problems(body));
    } else {
      outcome.replaceChildren(Object.assign(document.createElement('p'), { className: 'message error', textContent: `${body?.error ?? body?.message ?? `HTTP ${status}`} (${body?.code ?? status})` }));
    }
  } catch (error) {
    showMessage(message, error.message);
  }
  document.body.dataset.done = 'true';
});
