import { api, cell, explain, itemHref, link, money, showMessage, when } from './console.js';

const message = document.getElementById('message');
const form = document.getElementById('filters');
const body = document.querySelector('#alerts tbody');
const more = document.getElementById('more');
const params = new URLSearchParams(location.search);
document.getElementById('item').value = params.get('item_id') ?? '';
document.getElementById('status').value = params.get('status') ?? 'open';
document.getElementById('sort').value = params.get('sort') ?? 'time';

let loaded = [];
let cursor = null;

function query() {
  const search = new URLSearchParams({ limit: '100' });
  const status = document.getElementById('status').value;
  const item = document.getElementById('item').value.trim();
  if (status) search.set('status', status);
  if (item) search.set('item_id', item);
  if (cursor) search.set('cursor', cursor);
  return `/alerts?${search}`;
}

function decision(alert) {
  if (alert.status !== 'open') return document.createTextNode(alert.resolution_note ? `${alert.status}: ${alert.resolution_note}` : alert.status);
  const box = document.createElement('form');
  box.className = 'inline';
  const note = Object.assign(document.createElement('input'), { name: 'note', placeholder: 'note', maxLength: 2000 });
  note.setAttribute('aria-label', `Note on the alert for ${alert.item_id} at ${alert.price}`);
  const button = (resolution, text, style) => {
    const element = Object.assign(document.createElement('button'), { type: 'button', textContent: text, className: style });
    element.dataset.resolution = resolution;
    element.addEventListener('click', async () => {
      try {
        await api(`/alerts/${alert.alert_id}/resolve`, { method: 'POST', body: { resolution, ...(note.value ? { note: note.value } : {}) } });
        await reload();
      } catch (error) {
        showMessage(message, explain(error));
      }
    });
    return element;
  };
  box.append(note, button('confirmed', 'Confirm', ''), button('dismissed', 'Dismiss', 'secondary'));
  return box;
}

function render() {
  const sorted = document.getElementById('sort').value === 'severity'
    ? [...loaded].sort((a, b) => (b.metadata?.severity ?? 0) - (a.metadata?.severity ?? 0))
    : loaded;
  body.replaceChildren();
  for (const alert of sorted) {
    const row = body.insertRow();
    row.dataset.alertId = alert.alert_id;
    cell(row, when(alert.created_at));
    cell(row, link(itemHref(alert.item_id), alert.item_id));
    cell(row, alert.ord_closed_dt);
    cell(row, money(alert.price));
    cell(row, money(alert.metadata?.expected));
    cell(row, alert.metadata?.severity);
    cell(row, alert.metadata?.reason);
    cell(row, alert.status);
    cell(row, decision(alert));
  }
  if (loaded.length === 0) cell(body.insertRow(), 'No alerts match.').colSpan = 9;
  more.hidden = cursor === null;
}

async function load() {
  const page = await api(query());
  loaded = [...loaded, ...page.alerts];
  cursor = page.next_cursor;
  render();
}

async function reload() {
  loaded = [];
  cursor = null;
  message.hidden = true;
  await load();
  document.body.dataset.ready = 'true';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const search = new URLSearchParams(new FormData(form));
  history.replaceState(null, '', `?${search}`);
  reload().catch((error) => showMessage(message, explain(error)));
});
document.getElementById('sort').addEventListener('change', render);
more.addEventListener('click', () => load().catch((error) => showMessage(message, explain(error))));
reload().catch((error) => {
  showMessage(message, explain(error));
  document.body.dataset.ready = 'true';
});
