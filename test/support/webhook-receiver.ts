import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface ReceivedCall {
  body: string;
  headers: IncomingMessage['headers'];
  answered: number | 'hung';
}

/** A real HTTP receiver for webhook tests: answers 204, 500, or never, as the test says. */
export class WebhookReceiver {
  mode: ReceiverMode = 'ok';
  /** Fail this many requests first, whatever the mode. */
  failFirst = 0;
  readonly calls: ReceivedCall[] = [];
  private readonly hung: ServerResponse[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => {
        const mode = this.failFirst > 0 ? (this.failFirst--, 'fail') : this.mode;
        const call: ReceivedCall = { body, headers: request.headers, answered: mode === 'hang' ? 'hung' : mode === 'ok' ? 204 : 500 };
        this.calls.push(call);
        if (mode === 'hang') return void this.hung.push(response);
        response.writeHead(call.answered as number).end();
      });
    });
    await new Promise<void>((listening) => this.server!.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/alerts`;
  }

  /** The alert ids answered 2xx. */
  delivered(): string[] {
    return this.calls.filter((call) => call.answered === 204).map((call) => JSON.parse(call.body).alert_id);
  }

  async stop(): Promise<void> {
    for (const response of this.hung) response.destroy();
    this.server?.closeAllConnections();
    await new Promise((closed) => this.server?.close(closed));
  }
}
