import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file loaded into the history; the unique SHA-256 makes re-uploads of the same content no-ops. */
@Entity('price_import')
export class PriceImportEntity {
  /** gen_random_uuid() is built into PostgreSQL 13+: no uuid-ossp extension (nor superuser) needed. */
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'char', length: 64, unique: true })
  sha256!: string;

  @Column({ name: 'row_count', type: 'integer' })
  rowCount!: number;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;
}
