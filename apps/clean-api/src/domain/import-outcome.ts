export interface ImportOutcome {
  /** `false`: the same content was imported before (importId names that import) and nothing was inserted. */
  created: boolean;
  importId: string;
  inserted: number;
  sha256: string;
}
