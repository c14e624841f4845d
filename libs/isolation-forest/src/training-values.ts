/** Fails loudly on anything but a non-empty array of finite numbers: a NaN would silently poison every split. */
export function assertTrainingValues(values: unknown): asserts values is readonly number[] {
  if (!Array.isArray(values)) throw new Error('IsolationForest.fit expects an array of numbers');
  if (values.length === 0) throw new Error('IsolationForest.fit expects at least one value, got an empty array');
  for (let index = 0; index < values.length; index++) {
    const value: unknown = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`IsolationForest.fit expects finite numbers, got ${String(value)} at index ${index}`);
    }
  }
}

export function assertScoreInput(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`IsolationForest.score expects a finite number, got ${String(value)}`);
  }
}
