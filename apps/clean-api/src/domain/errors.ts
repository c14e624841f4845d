/** The business errors use cases raise: each carries a stable code, mapped to HTTP once for both apps. */
export { AlertAlreadyResolvedError, AlertNotFoundError, CsvInvalidError, ItemNotFoundError, type CsvProblem } from '#libs/errors';
