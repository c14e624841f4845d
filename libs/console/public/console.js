// Shared by every console page: calls to this service's API (same origin), with the write or read
// key asked for once when the API answers 401/403 and kept for the browser tab only.
const KEY = 'price-anomaly-api-key';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error ?? body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function withKey(headers = {}) {
  const key = sessionStorage.getItem(KEY);
  return key ? { ...headers, 'X-API-Key': key } : headers;
}

/** A JSON call; on 401/403 asks for a key once and tries again. Resolves the body, rejects with ApiError. */
export async function api(path, { method = 'GET', body } = {}, retried = false) {
  const response = await fetch(path, {
    method,
    headers: withKey(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => null);
  if ((response.status === 401 || response.status === 403) && !retried && askForKey(response.status)) return api(path, { method, body }, true);
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

/** Asks for an API key; true when one was given. */
export function askForKey(status) {
  const key = window.prompt(status === 401 ? 'This service needs an API key. Key:' : 'This key may not do that. A key that may (write key):');
  if (!key) return false;
  sessionStorage.setItem(KEY, key.trim());
  return true;
}

export const keyHeaders = withKey;

/** What to tell a person about a failed call: the service's own message, or that it cannot be reached. */
export function explain(error) {
  if (error instanceof ApiError) {
    if (error.status === 503) return 'The database is not reachable right now. Try again in a moment.';
    return `${error.message}${error.body?.code ? ` (${error.body.code})` : ''}`;
  }
  return 'The service cannot be reached. Check that it is running.';
}

export function showMessage(element, text, kind = 'error') {
  element.hidden = false;
  element.className = `message ${kind}`;
  element.textContent = text;
}

export function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? '';
  return td;
}

export function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

export const itemHref = (itemId) => `/console/items/${encodeURIComponent(itemId)}`;
export const money = (value) => (value === null || value === undefined ? '' : Number(value).toLocaleString('en-US', { maximumFractionDigits: 4 }));
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '');
