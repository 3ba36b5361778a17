/**
 * The typed fetch wrapper: every non-2xx answer becomes an ApiError carrying the server's code and message.
 * A 401 also sends the user to the login page (src/lib/unauthenticated.ts) unless the request opts out.
 */
import { reportUnauthenticated } from './unauthenticated';

export interface ApiErrorDetails {
  retryAfterSeconds?: number;
  problem?: { field: string; reason: string };
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message);
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.problem = details.problem;
  }

  /** From Retry-After on 429 and 503 answers. */
  readonly retryAfterSeconds: number | undefined;
  /** The request field the server found at fault, and what is wrong with it in words (see common/errors.ts). */
  readonly problem: { field: string; reason: string } | undefined;
}

/** Retry-After is either a number of seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

interface ErrorShape {
  error?: { code?: unknown; message?: unknown; field?: unknown; reason?: unknown };
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || `Request failed with status ${response.status}`;
  let problem: { field: string; reason: string } | undefined;
  try {
    const body = (await response.json()) as ErrorShape;
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.field === 'string' && typeof body.error.reason === 'string') problem = { field: body.error.field, reason: body.error.reason };
  } catch {
    // Not JSON (a proxy error page, say): keep the status text.
  }
  const retryAfterSeconds = retryAfter(response.headers.get('retry-after'));
  return new ApiError(response.status, code, message, {
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(problem === undefined ? {} : { problem }),
  });
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Parse the answer as text instead of JSON. */
  text?: boolean;
  /** False for requests whose 401 is the page's own business, not a lost session (login, setup, logout). */
  redirectOn401?: boolean;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', `The virtdeck server cannot be reached (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && options.redirectOn401 !== false) reportUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (options.text === true) return (await response.text()) as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** `/api/v1/hosts/<host>` + segments, each segment URL-encoded. */
export function hostPath(host: string, ...segments: string[]): string {
  return ['/api/v1/hosts', host, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}
