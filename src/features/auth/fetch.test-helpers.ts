import { vi } from 'vitest';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the stubbed server answers: `METHOD path` → answer, or a function of the call. */
export type Routes = Record<string, Answer | ((init: RequestInit | undefined) => Answer)>;

/** Replaces fetch with a table of answers; returns the calls seen, as `METHOD path`. */
export function stubFetch(routes: Routes): { calls: string[]; bodies: Map<string, unknown> } {
  const calls: string[] = [];
  const bodies = new Map<string, unknown>();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const key = `${init?.method ?? 'GET'} ${input}`;
      calls.push(key);
      if (typeof init?.body === 'string') bodies.set(key, JSON.parse(init.body));
      const route = routes[key];
      const answer = typeof route === 'function' ? route(init) : (route ?? { status: 404, body: { error: { code: 'NOT_FOUND', message: `no route ${key}` } } });
      const body = answer.body === undefined ? null : JSON.stringify(answer.body);
      return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    }),
  );
  return { calls, bodies };
}

export const unauthenticated: Answer = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Log in first' } } };

/** jsdom has no EventSource; the app opens one once logged in. */
export class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2;
  readyState = 0;
  constructor(readonly url: string) {
    super();
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}
