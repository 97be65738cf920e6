import type { ServerResponse } from 'node:http';

/** How many recent events a client reconnecting with `Last-Event-ID` can catch up on. */
const REPLAYED = 200;

export interface ApiEvent {
  id: number;
  type: string;
  data: unknown;
}

/**
 * The Server-Sent Events of `GET /v1/events`: launch progress (the TUI's LaunchProgress), actions
 * taken and state changes. Each event goes to every open stream; recent ones are kept for replay.
 */
export class EventHub {
  private readonly streams = new Set<ServerResponse>();
  private readonly recent: ApiEvent[] = [];
  private nextId = 1;

  get listeners(): number {
    return this.streams.size;
  }

  publish(type: string, data: unknown): void {
    const event = { id: this.nextId++, type, data };
    this.recent.push(event);
    if (this.recent.length > REPLAYED) this.recent.shift();
    for (const stream of this.streams) write(stream, event);
  }

  /** Opens a stream; with `Last-Event-ID`, first sends the kept events after that one. */
  open(response: ServerResponse, lastEventId: string | undefined): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': cws-tui events\n\n');
    const after = lastEventId === undefined ? undefined : Number(lastEventId);
    if (after !== undefined && Number.isInteger(after)) {
      for (const event of this.recent) if (event.id > after) write(response, event);
    }
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
  }

  /** Ends every stream (shutdown): clients see the end and may reconnect to a new server. */
  closeAll(): void {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }
}

function write(stream: ServerResponse, event: ApiEvent): void {
  stream.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}
