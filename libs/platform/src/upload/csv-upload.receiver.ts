import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { PassThrough, type Readable } from 'node:stream';
import {
  CsvFileRequiredError, MultipartInvalidError, ServiceError, UploadTimeoutError, UploadTooLargeError, UploadTooManyFilesError,
} from '#libs/errors';
import type { ImportOutcome } from '#libs/price-history';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { ServiceMetrics } from '../metrics/service-metrics.js';
import { watchForStall } from './watch-for-stall.js';

/** The old clients' field name first; `file` is the common convention. */
export const CSV_FIELDS = ['archivo_csv', 'file'] as const;

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Reads a CSV stream and stores it all or nothing: commits only if the stream ends cleanly. */
export type ImportCsv = (csv: Readable, fileName: string) => Promise<ImportOutcome>;

/**
 * Receives `POST /cargarCsvHistorico`: hands the file part to `importCsv` as a stream while the
 * request is still arriving (a multer storage engine that stores nothing), so no upload is ever
 * buffered whole. That stream ends only once the WHOLE multipart request has been parsed without
 * error: a second file part, a missing closing boundary, a stalled or vanished client fail it
 * instead, so the import rolls back and the client gets a 4xx, never a committed file.
 */
@Injectable()
export class CsvUploadReceiver {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly metrics: ServiceMetrics,
  ) {}

  async receive(request: Request, response: Response, importCsv: ImportCsv): Promise<ImportOutcome> {
    try {
      const outcome = await this.receiveWhole(request, response, importCsv);
      this.metrics.importedRows.inc(outcome.inserted);
      return outcome;
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'CSV_INVALID') this.metrics.rejectedFiles.inc();
      throw error;
    }
  }

  private async receiveWhole(request: Request, response: Response, importCsv: ImportCsv): Promise<ImportOutcome> {
    const { maxUploadBytes, uploadIdleTimeoutMs } = this.config;
    // A declared size over the limit is answered at once, before any byte is parsed. The connection
    // stays open (Node discards the rest): a client cut off mid-send, as fetch is, never sees the 413.
    if (Number(request.headers['content-length']) > maxUploadBytes + MULTIPART_OVERHEAD_BYTES) throw new UploadTooLargeError(maxUploadBytes);

    let csv: PassThrough | undefined;
    let imported: Promise<ImportOutcome> | undefined;
    const storage: multer.StorageEngine = {
      _handleFile(_req, file, done) {
        if (csv) return done(new UploadTooManyFilesError());
        const part = file.stream;
        csv = new PassThrough();
        // The importer listens for errors once it reads (after opening its transaction); this keeps
        // a transport error that comes first from crashing the process. The importer still sees it.
        csv.on('error', () => undefined);
        imported = importCsv(csv, file.originalname);
        // Failed early (bad rows, database gone): read the rest of the part so the form can finish.
        imported.catch(() => (part.unpipe(csv), part.resume()));
        part.pipe(csv, { end: false }); // the end of the CSV is the end of the whole form, below
        part.once('end', () => done(null, {}));
        part.once('error', () => done(null, {}));
      },
      _removeFile: (_req, _file, done) => done(null),
    };
    const upload = multer({ storage, limits: { fileSize: maxUploadBytes, files: 1 } })
      .fields(CSV_FIELDS.map((name) => ({ name, maxCount: 1 })));

    const transportError = await new Promise<ServiceError | undefined>((parsed) => {
      let finished = false;
      let stopWatching = () => undefined as void;
      upload(request, response, (error: unknown) => {
        finished = true;
        stopWatching();
        parsed(error ? asUploadError(error, maxUploadBytes) : undefined);
      });
      // After upload(): it has piped the request into its parser, so listening cannot lose data.
      if (!finished) {
        stopWatching = watchForStall(request, uploadIdleTimeoutMs, () => {
          response.setHeader('Connection', 'close'); // the rest of the body will never be read
          request.unpipe();
          parsed(new UploadTimeoutError(uploadIdleTimeoutMs));
        });
      }
    });
    if (transportError) {
      csv?.destroy(transportError);
      await imported?.catch(() => undefined); // answer only once the import has rolled back
      throw transportError;
    }
    if (!imported) throw new CsvFileRequiredError();
    csv!.end();
    return imported;
  }
}

/** Multer's and busboy's failures in our vocabulary. */
function asUploadError(error: unknown, maxBytes: number): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return new UploadTooLargeError(maxBytes);
    if (error.code === 'LIMIT_FILE_COUNT') return new UploadTooManyFilesError();
    if (error.code === 'LIMIT_UNEXPECTED_FILE') {
      // A second file in our field, or a file in a field that is not ours (the old service's answer: no file).
      return (CSV_FIELDS as readonly string[]).includes(error.field ?? '') ? new UploadTooManyFilesError()
        : new CsvFileRequiredError(`a file came in the field '${error.field}': send it in the field 'archivo_csv' (or 'file')`);
    }
    return new MultipartInvalidError(error.message);
  }
  return new MultipartInvalidError(error instanceof Error ? error.message : String(error));
}
