import { ServiceError } from './service-error.js';

/** The database cannot be reached. */
export class DatabaseUnavailableError extends ServiceError {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor() {
    super('The database is unavailable; please retry shortly');
  }
}

/** The database answers, but every connection of this process is in use. */
export class DatabaseBusyError extends ServiceError {
  readonly code = 'DATABASE_BUSY';

  constructor() {
    super('Every database connection is busy; please retry shortly');
  }
}

/** A readiness check failed; `checks` says which (database, migrations). */
export class NotReadyError extends ServiceError {
  readonly code = 'NOT_READY';

  constructor(checks: unknown) {
    super('Not ready: a dependency check failed (see checks)', { checks });
  }
}
