import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import { ServiceMetrics } from './service-metrics.js';

const isRejectedFile = (error: unknown) => {
  const { code, body } = (error ?? {}) as { code?: string; body?: { code?: string } };
  return code === 'CSV_INVALID' || body?.code === 'CSV_INVALID';
};

/** Imported rows and rejected files, whichever app and error type the upload went through. */
@Injectable()
export class ImportMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: ServiceMetrics) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(tap({
      next: (body) => this.metrics.importedRows.inc((body as { inserted?: number }).inserted ?? 0),
      error: (error) => isRejectedFile(error) && this.metrics.rejectedFiles.inc(),
    }));
  }
}
