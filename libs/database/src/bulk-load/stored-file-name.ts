/** What `price_import.file_name` (varchar 255) can hold. */
const MAX_FILE_NAME = 255;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The client's file name as it can be stored and shown: no control characters (PostgreSQL
 * rejects NUL in text; the others corrupt logs and terminals), no broken surrogate pairs, at most
 * 255 characters. Only a label: the content is identified by its hash.
 */
export function storedFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const clean = name.replace(CONTROL_CHARACTERS, '').toWellFormed().trim().slice(0, MAX_FILE_NAME).toWellFormed();
  return clean || null;
}
