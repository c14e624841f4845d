import type { Request, Response } from 'express';
import multer from 'multer';
import type { Readable } from 'node:stream';
import { CsvFileRequiredHttpError, UploadTooLargeHttpError } from '../errors/contract-http-error.js';

/** The old clients' field name first; `file` is the common convention. */
export const CSV_FIELDS = ['archivo_csv', 'file'] as const;

type HandleCsv<T> = (csv: Readable, fileName: string) => Promise<T>;

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Hands the uploaded file part to `handle` as a stream while the request is still arriving
 * (a multer storage engine that stores nothing), so no upload is ever buffered whole.
 * The file stream fails, so the loader rolls back and nothing is stored, when the upload passes
 * `maxBytes` or the client goes away before sending it all (multer fails it on a closed request).
 */
export function receiveCsvUpload<T>(request: Request, response: Response, maxBytes: number, handle: HandleCsv<T>): Promise<T> {
  // A declared size over the limit is answered at once, before any byte is parsed. The connection
  // stays open (Node discards the rest): a client cut off mid-send, as fetch is, never sees the 413.
  if (Number(request.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    return Promise.reject(new UploadTooLargeHttpError(maxBytes));
  }
  const storage: multer.StorageEngine = {
    _handleFile(_req, file, done) {
      file.stream.once('limit', () => file.stream.destroy(new UploadTooLargeHttpError(maxBytes)));
      handle(file.stream, file.originalname).then((result) => done(null, { result } as Partial<Express.Multer.File>), done);
    },
    _removeFile: (_req, _file, done) => done(null),
  };
  const upload = multer({ storage, limits: { fileSize: maxBytes, files: 1 } })
    .fields(CSV_FIELDS.map((name) => ({ name, maxCount: 1 })));

  return new Promise<T>((resolve, reject) => {
    upload(request, response, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        return reject(error.code === 'LIMIT_FILE_SIZE' ? new UploadTooLargeHttpError(maxBytes) : new CsvFileRequiredHttpError(
          `${error.message}: send one file in the field 'archivo_csv' (or 'file')`));
      }
      if (error) return reject(error);
      const files = request.files as Record<string, (Express.Multer.File & { result: T })[]> | undefined;
      const stored = CSV_FIELDS.map((name) => files?.[name]?.[0]).find(Boolean);
      return stored ? resolve(stored.result) : reject(new CsvFileRequiredHttpError());
    });
  });
}
