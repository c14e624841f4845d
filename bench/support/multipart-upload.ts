import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface UploadResult {
  status: number;
  body: string;
  elapsedMs: number;
}

/** POSTs a file as multipart/form-data streamed from disk (no client-side buffering), timed end to end. */
export async function uploadFile(baseUrl: string, file: string, field = 'archivo_csv'): Promise<UploadResult> {
  const boundary = `----bench${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = (await stat(file)).size;
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(`${baseUrl}/cargarCsvHistorico`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => done({ status: res.statusCode ?? 0, body, elapsedMs: performance.now() - started }));
    });
    req.on('error', fail);
    req.write(head);
    pipeline(createReadStream(file), req, { end: false }).then(() => req.end(tail), fail);
  });
}
