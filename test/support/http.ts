/** Small fetch helpers: every contract test speaks real HTTP to a listening server. */

export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function getJson<T = any>(baseUrl: string, path: string): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export async function postJson<T = any>(baseUrl: string, path: string, body: unknown, rawBody?: string): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: rawBody ?? JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

export async function uploadCsv<T = any>(baseUrl: string, content: string | Buffer, field = 'archivo_csv', fileName = 'precios.csv'): Promise<JsonResponse<T>> {
  const form = new FormData();
  form.append(field, new Blob([content], { type: 'text/csv' }), fileName);
  const response = await fetch(`${baseUrl}/cargarCsvHistorico`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
