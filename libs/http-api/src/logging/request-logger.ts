import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * One JSON line per request: method, route pattern, status, duration and a request id, taken
 * from X-Request-Id when the client sends a sane one (else generated) and echoed back on every
 * response, errors included. Only those fields are logged: never bodies, headers or keys.
 */
export function requestLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pinoHttp({
    level,
    genReqId(request: IncomingMessage, response: ServerResponse) {
      const sent = request.headers['x-request-id'];
      const id = typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url.split('?')[0] }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      err: (error: Error) => ({ type: error.name, message: error.message }),
    },
    customProps: (request: IncomingMessage & { route?: { path?: string } }) => ({ route: request.route?.path ?? 'unmatched' }),
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
  });
}
