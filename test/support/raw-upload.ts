import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/**
 * A multipart upload written by hand, so a test can pace it, leave it unfinished or abort it:
 * what `fetch` cannot do. `declaredBytes` is the Content-Length announced for the whole body.
 */
export class RawUpload {
  private readonly boundary = `----test${Math.random().toString(16).slice(2)}`;
  readonly request: ClientRequest;
  readonly response: Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }>;

  constructor(baseUrl: string, declaredFileBytes: number, field = 'archivo_csv') {
    const head = this.head(field);
    this.request = request(`${baseUrl}/cargarCsvHistorico`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${this.boundary}`,
        'content-length': head.length + declaredFileBytes + this.tail().length,
      },
    });
    this.response = new Promise((done, fail) => {
      this.request.once('response', (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      this.request.once('error', fail);
    });
    this.request.write(head);
  }

  write(chunk: string | Buffer): Promise<void> {
    return new Promise((done) => (this.request.write(chunk) ? done() : this.request.once('drain', done)));
  }

  finish(): void {
    this.request.end(this.tail());
  }

  abort(): void {
    this.request.destroy();
  }

  private head(field: string): Buffer {
    return Buffer.from(`--${this.boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="paced.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  }

  private tail(): Buffer {
    return Buffer.from(`\r\n--${this.boundary}--\r\n`);
  }
}
