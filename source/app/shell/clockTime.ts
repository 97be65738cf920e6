/** `14:03:07` for a time today, `Dec 4 14:03` for an earlier one: how the message log shows times. */
export function clockTime(at: number, now: number): string {
  const when = new Date(at);
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (new Date(now).toDateString() === when.toDateString()) return time;
  const day = when.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  return `${day} ${time.slice(0, 5)}`;
}
