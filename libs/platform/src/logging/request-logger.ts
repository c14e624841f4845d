import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { destination, pino } from 'pino';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Buffered, asynchronous writes (flushed at shutdown). A synchronous write per request, and
 * pino-http's child logger per request, each cost the app about a third of its throughput.
 */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' }, destination({ dest: 1, sync: false, minLength: 4096 }));
// ...and at most a second late when traffic is light.
setInterval(() => logger.flush(), 1000).unref();

/**
 * One JSON line per request: method, path, route pattern, status, duration and a request id,
 * taken from X-Request-Id when the client sends a sane one (else generated) and echoed back on
 * every response, errors included. Only those fields are logged: never bodies, headers or keys.
 */
export function requestLogger() {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const sent = request.headers['x-request-id'];
    const id = typeof sent === 'string' && CLIENT_REQUEST_ID.test(sent) ? sent : randomUUID();
    response.setHeader('X-Request-Id', id);
    response.once('finish', () => {
      const status = response.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      logger[level]({
        req_id: id,
        method: request.method,
        path: request.path,
        route: request.route?.path ?? 'unmatched',
        status,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      }, 'request');
    });
    next();
  };
}
