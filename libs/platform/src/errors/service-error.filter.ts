import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorBody, ERROR_STATUS } from '#libs/http-contract';
import { toServiceError } from './to-service-error.js';

/** Seconds a client should wait before retrying, per retryable status. */
const RETRY_AFTER_SECONDS: Record<number, string> = { 503: '5' };

/** The one place errors become HTTP: `{ error, code, ...fields }` with the status of the code's table entry. */
@Catch()
export class ServiceErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ServiceErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const error = toServiceError(exception, http.getRequest<Request>());
    const status = ERROR_STATUS[error.code];
    if (error.code === 'INTERNAL_ERROR') this.logger.error(exception instanceof Error ? exception.stack : exception);
    if (response.headersSent) {
      response.destroy(); // mid-stream: cutting the connection is the only honest signal left
      return;
    }
    if (RETRY_AFTER_SECONDS[status] && !response.hasHeader('Retry-After')) response.setHeader('Retry-After', RETRY_AFTER_SECONDS[status]);
    response.status(status).json(errorBody(error));
  }
}
