import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics.js';

/** Counts and times every request by its route pattern (not its URL: item ids would explode the labels). */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer();
    response.once('finish', () => {
      const route = request.route?.path ?? 'unmatched';
      const labels = { method: request.method, route, status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      stop(labels);
    });
    next();
  };
}
