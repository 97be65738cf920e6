/** One line of a service's log, as CloudWatch Logs keeps it. */
export interface LogLine {
  at: string;
  stream: string;
  message: string;
}

/** CloudWatch Logs, read: the newest lines of a group's streams that start with a prefix. */
export interface LogEventsPort {
  /** The last `limit` lines, oldest first; an empty list when the group or stream is missing. */
  tail(region: string, group: string, streamPrefix: string, limit: number): Promise<LogLine[]>;
}
