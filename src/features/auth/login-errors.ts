import { ApiError } from '../../lib/api';
import { errorText } from '../../lib/ui';

/** What the login form says about a failed attempt; `waitSeconds` when the server throttles. */
export function loginFailure(error: unknown): { message: string; waitSeconds?: number } {
  if (error instanceof ApiError && error.status === 401) return { message: 'Wrong user name or password' };
  if (error instanceof ApiError && error.status === 429) {
    return error.retryAfterSeconds === undefined
      ? { message: 'Too many failed attempts. Wait a little, then try again.' }
      : { message: 'Too many failed attempts.', waitSeconds: error.retryAfterSeconds };
  }
  return { message: errorText(error).message };
}

export function waitText(seconds: number): string {
  if (seconds <= 0) return 'You can try again now.';
  if (seconds < 120) return `Try again in ${seconds} s.`;
  return `Try again in ${Math.ceil(seconds / 60)} min.`;
}
