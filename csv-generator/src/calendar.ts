const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const DEFAULT_FROM = '2023-12-13';
export const DEFAULT_TO = '2024-03-11';

/** Parses a real calendar date `YYYY-MM-DD` to a UTC day number, or returns undefined. */
export function parseIsoDay(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return time / MS_PER_DAY;
}

/** The days of an inclusive date range, as `YYYY-MM-DD` strings indexed by day offset. */
export class Calendar {
  readonly days: readonly string[];

  constructor(from: string = DEFAULT_FROM, to: string = DEFAULT_TO) {
    const first = parseIsoDay(from);
    const last = parseIsoDay(to);
    if (first === undefined || last === undefined) throw new RangeError(`invalid date range ${from}..${to}`);
    if (last < first) throw new RangeError(`date range ends before it starts: ${from}..${to}`);
    const days: string[] = [];
    for (let day = first; day <= last; day++) days.push(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
    this.days = days;
  }

  get length(): number {
    return this.days.length;
  }

  offsetOf(isoDate: string): number {
    const offset = this.days.indexOf(isoDate);
    if (offset < 0) throw new RangeError(`${isoDate} is outside the calendar`);
    return offset;
  }
}
