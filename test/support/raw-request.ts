import { request } from 'node:http';

export interface RawResponse {
  status: number;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  body: any;
}

/** A request whose bytes the test writes itself: malformed envelopes `fetch` and FormData refuse to build. */
export function rawPost(baseUrl: string, path: string, headers: Record<string, string>, body: Buffer | string): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        done({ status: res.statusCode ?? 0, text, body: parsed });
      });
    });
    req.once('error', fail);
    req.end(body);
  });
}

export interface MultipartPart {
  name: string;
  /** Sent as `filename="..."`; `filenameStar` as RFC 5987 `filename*=utf-8''...` (already percent-encoded). */
  filename?: string;
  filenameStar?: string;
  content: string | Buffer;
}

/** A multipart/form-data body; `close: false` leaves out the closing boundary, as a cut-short client would. */
export function multipartBody(boundary: string, parts: MultipartPart[], { close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filenameStar !== undefined ? `; filename*=utf-8''${part.filenameStar}` : part.filename !== undefined ? `; filename="${part.filename}"` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\nContent-Type: text/csv\r\n\r\n`));
    chunks.push(Buffer.from(part.content));
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
