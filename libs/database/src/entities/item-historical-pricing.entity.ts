import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One closed order of an item: the history the anomaly models learn from. */
@Entity('item_historical_pricing')
@Index('ix_item_historical_pricing_item_date_id', ['itemId', 'ordClosedDt', 'id'])
@Index('ix_item_historical_pricing_item_price', ['itemId', 'price'])
export class ItemHistoricalPricingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'varchar', length: 64 })
  itemId!: string;

  /** `YYYY-MM-DD`; kept as text so no time zone ever shifts the day. */
  @Column({ name: 'ord_closed_dt', type: 'date' })
  ordClosedDt!: string;

  /** NUMERIC keeps all 4 decimals exactly; pg returns it as a string. */
  @Column({ type: 'numeric', precision: 14, scale: 4 })
  price!: string;
}
