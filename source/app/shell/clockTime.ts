const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * `14:03:07` in local time, as `toLocaleTimeString('en-GB')` prints it, from the Date's own fields:
 * a locale formatter per call cost the dashboard a formatter on every frame and its ICU date data
 * (about 9 MB resident) for good.
 */
export function timeOfDay(at: number): string {
  const when = new Date(at);
  return `${twoDigits(when.getHours())}:${twoDigits(when.getMinutes())}:${twoDigits(when.getSeconds())}`;
}

/** `14:03:07` for a time today, `Dec 4 14:03` for an earlier one: how the message log shows times. */
export function clockTime(at: number, now: number): string {
  const when = new Date(at);
  const time = timeOfDay(at);
  if (new Date(now).toDateString() === when.toDateString()) return time;
  return `${MONTHS[when.getMonth()]} ${when.getDate()} ${time.slice(0, 5)}`;
}
