import { api, cell, explain, itemHref, link, money, showMessage, when } from './console.js';

const message = document.getElementById('message');
const input = document.getElementById('item-id');
const suggestions = document.getElementById('suggestions');

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  location.href = itemHref(input.value.trim());
});

let pending;
input.addEventListener('input', () => {
  clearTimeout(pending);
  const prefix = input.value.trim();
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix)) return;
  pending = setTimeout(async () => {
    try {
      const { items } = await api(`/items?prefix=${encodeURIComponent(prefix)}&limit=10`);
      suggestions.replaceChildren(...items.map((item) => Object.assign(document.createElement('option'), { value: item.item_id })));
    } catch (error) {
      showMessage(message, explain(error));
    }
  }, 150);
});

try {
  const [{ alerts }, { items }] = await Promise.all([api('/alerts?status=open&limit=10'), api('/items?order=open_alerts&limit=10')]);
  const newest = document.querySelector('#newest-alerts tbody');
  for (const alert of alerts) {
    const row = newest.insertRow();
    cell(row, link(itemHref(alert.item_id), alert.item_id));
    cell(row, money(alert.price));
    cell(row, alert.metadata?.severity ?? '');
    cell(row, when(alert.created_at));
  }
  if (alerts.length === 0) cell(newest.insertRow(), 'No open alerts.').colSpan = 4;
  const top = document.querySelector('#top-items tbody');
  for (const item of items) {
    const row = top.insertRow();
    cell(row, link(itemHref(item.item_id), item.item_id));
    cell(row, item.open_alerts);
  }
  if (items.length === 0) cell(top.insertRow(), 'No item has open alerts.').colSpan = 2;
} catch (error) {
  showMessage(message, explain(error));
}
