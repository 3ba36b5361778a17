/**
 * The server-sent event hub: one ordered stream of events for every browser tab.
 *
 * Publishing (any feature):
 *   app.events.publish({ type: 'pool', data: { host: 'local', name: 'virtdeck', event: 'started' } });
 * `type` becomes the SSE `event:` name (the SPA registers a handler per type in src/lib/events.ts),
 * `data` is sent as JSON and must say which host it concerns. Each event gets an increasing id;
 * a client reconnecting with Last-Event-ID gets what it missed, or a `resync` event telling it
 * to refetch when the gap is no longer in the replay buffer.
 *
 * Events of type `stats` are not kept for replay (a newer one follows every few seconds).
 */

import type { EventType } from '../../common/events.js';

export interface HubEvent<T extends { host?: string } = { host?: string }> {
  type: EventType;
  data: T;
}

/** An event as published: its id, type and data, and the SSE frame that carries it. */
export interface PublishedEvent {
  id: number;
  type: EventType;
  data: { host?: string };
  frame: string;
}

/** Receives every frame; the event beside it lets a sink decide per connection what to forward. */
export type Sink = (frame: string, event: PublishedEvent) => void;

const REPLAY_LIMIT = 2000;
const UNREPLAYED = new Set<EventType>(['stats']);

export function formatFrame(id: number | undefined, type: EventType, data: unknown): string {
  const idLine = id === undefined ? '' : `id: ${id}\n`;
  return `${idLine}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class EventHub {
  private nextId = 1;
  private droppedUpTo = 0;
  private readonly replay: PublishedEvent[] = [];
  private readonly sinks = new Set<Sink>();
  private readonly activityListeners = new Set<(listening: boolean) => void>();

  get lastId(): number {
    return this.nextId - 1;
  }

  get listenerCount(): number {
    return this.sinks.size;
  }

  publish<T extends { host?: string }>(event: HubEvent<T>): number {
    const id = this.nextId++;
    const frame = formatFrame(id, event.type, event.data);
    const published: PublishedEvent = { id, type: event.type, data: event.data, frame };
    if (!UNREPLAYED.has(event.type)) {
      this.replay.push(published);
      if (this.replay.length > REPLAY_LIMIT) {
        const dropped = this.replay.splice(0, this.replay.length - REPLAY_LIMIT);
        this.droppedUpTo = dropped[dropped.length - 1]?.id ?? this.droppedUpTo;
      }
    }
    for (const sink of this.sinks) sink(frame, published);
    return id;
  }

  /**
   * Frames a client reconnecting after `lastEventId` missed, or undefined when they are no longer
   * all kept (the client must then refetch everything).
   */
  missedSince(lastEventId: number): string[] | undefined {
    return this.missedEventsSince(lastEventId)?.map((e) => e.frame);
  }

  /** Like missedSince, with each frame's event. */
  missedEventsSince(lastEventId: number): PublishedEvent[] | undefined {
    if (lastEventId > this.lastId) return undefined; // an id from before a server restart
    if (lastEventId < this.droppedUpTo) return undefined;
    return this.replay.filter((e) => e.id > lastEventId);
  }

  subscribe(sink: Sink): () => void {
    this.sinks.add(sink);
    if (this.sinks.size === 1) this.notifyActivity(true);
    return () => {
      if (this.sinks.delete(sink) && this.sinks.size === 0) this.notifyActivity(false);
    };
  }

  /** Called with true when the first client connects and false when the last one leaves. */
  onActivity(listener: (listening: boolean) => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  close(): void {
    this.sinks.clear();
    this.activityListeners.clear();
  }

  private notifyActivity(listening: boolean): void {
    for (const listener of this.activityListeners) listener(listening);
  }
}
