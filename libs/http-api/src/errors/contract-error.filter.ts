import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../../../database/src/index.js';
import { ContractHttpError, DatabaseUnavailableHttpError } from './contract-http-error.js';

/** An app's own errors (e.g. clean-api's domain errors) as contract answers; `undefined` if not its own. */
export type ErrorTranslator = (exception: unknown) => ContractHttpError | undefined;

/** Every failure leaves as `{ error, code, ... }`; only a genuine bug becomes a 500. */
@Catch()
export class ContractErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ContractErrorFilter.name);

  constructor(private readonly translate: ErrorTranslator = () => undefined) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, status } = this.toContractError(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : exception);
    if (response.headersSent) {
      response.destroy(); // mid-stream: cutting the connection is the only honest signal left
      return;
    }
    if (status === 503) response.setHeader('Retry-After', '5');
    response.status(status).json(body);
  }

  private toContractError(exception: unknown): { body: Record<string, unknown>; status: number } {
    const translated = exception instanceof ContractHttpError ? exception
      : isDatabaseUnavailable(exception) ? new DatabaseUnavailableHttpError() : this.translate(exception);
    if (translated) return { body: translated.body, status: translated.getStatus() };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Any other 400 is the framework rejecting the body itself (e.g. malformed JSON).
      if (status === 400) return { status, body: { error: `Malformed request: ${exception.message}`, code: 'VALIDATION_ERROR', details: [] } };
      return { status, body: { error: exception.message, code: HttpStatus[status] ?? 'HTTP_ERROR' } };
    }
    return { status: 500, body: { error: 'Internal server error', code: 'INTERNAL_ERROR' } };
  }
}
