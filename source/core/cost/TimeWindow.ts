/** A half-open interval of time [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

export const HOUR_MS = 3_600_000;

/** Parses ISO instants into a window, rejecting unparseable or reversed bounds with a clear message. */
export function timeWindow(from: string | Date, to: string | Date): TimeWindow {
  const start = from instanceof Date ? from : new Date(from);
  const end = to instanceof Date ? to : new Date(to);
  if (Number.isNaN(start.getTime())) throw new RangeError(`"${String(from)}" is not a date or time`);
  if (Number.isNaN(end.getTime())) throw new RangeError(`"${String(to)}" is not a date or time`);
  if (end < start) {
    throw new RangeError(`the window ends (${end.toISOString()}) before it starts (${start.toISOString()})`);
  }
  return { from: start, to: end };
}
