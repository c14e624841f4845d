import { writeFileSync } from 'node:fs';
import { evalDataset } from './eval-dataset.js';

/** Writes the evaluation set as JSON for the scikit-learn script (`fixtures/old-rule.py`). */
const out = process.argv[2] ?? '/tmp/eval-dataset.json';
writeFileSync(out, JSON.stringify([...evalDataset()]));
console.log(`wrote ${out}`);
