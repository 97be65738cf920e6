/** EC2 names the zone it tried and those with capacity: "...(us-east-1a)... choosing us-east-1b, us-east-1c." */
export function zonesInCapacityMessage(message: string): { failed?: string; suggested: string[] } {
  const failed = /Availability Zone[^(]*\(([a-z0-9-]+)\)/.exec(message)?.[1];
  const suggestedText = /choosing ([a-z0-9-, ]+)/.exec(message)?.[1] ?? '';
  const suggested = suggestedText
    .split(/,\s*|\s+or\s+/)
    .map((zone) => zone.trim().replace(/\.$/, ''))
    .filter((zone) => /^[a-z]{2}-[a-z-]+-\d+[a-z]$/.test(zone));
  return { ...(failed ? { failed } : {}), suggested };
}
