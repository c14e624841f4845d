import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** TypeORM's underlying pg pool: prepared statements, COPY and array rows go straight to it. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
