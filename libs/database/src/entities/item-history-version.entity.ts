import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Changes whenever any row of the item's history is inserted, updated or deleted (database
 * triggers, so every writer counts). Cached models are keyed by it.
 */
@Entity('item_history_version')
export class ItemHistoryVersionEntity {
  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64 })
  itemId!: string;

  @Column({ type: 'bigint' })
  version!: string;
}
