export interface LruLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface LruStats {
  entries: number;
  bytes: number;
  evictions: number;
}

/** Least-recently-used cache bounded both by entry count and by the summed size of its values. */
export class LruCache<K, V extends { sizeInBytes: number }> {
  private readonly entries = new Map<K, V>();
  private bytes = 0;
  private evictions = 0;

  constructor(private readonly limits: LruLimits) {
    if (!(limits.maxEntries >= 1) || !(limits.maxBytes >= 1)) throw new Error('LRU limits must be at least 1');
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key); // re-inserting moves it to the most recent end of the Map's order
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.bytes += value.sizeInBytes;
    for (const [oldestKey] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      if (oldestKey === key) break; // never evict what was just stored, even if alone it is over budget
      this.delete(oldestKey);
      this.evictions++;
    }
  }

  delete(key: K): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= value.sizeInBytes;
  }

  stats(): LruStats {
    return { entries: this.entries.size, bytes: this.bytes, evictions: this.evictions };
  }
}
