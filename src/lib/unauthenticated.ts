/**
 * What happens when the server says the request has no valid session (401): the user goes to the
 * login page, which sends them back to `next` (where they were) once logged in.
 */

/** Pages that work without a session; a 401 there is the page's own business. */
const PUBLIC_PAGES = ['/login', '/setup'];

type LoginRedirect = (loginUrl: string) => void;

let redirect: LoginRedirect = (url) => window.location.assign(url);

/** The app shell installs a router navigation here; until then a 401 reloads into the login page. */
export function setLoginRedirect(next: LoginRedirect): void {
  redirect = next;
}

export function loginUrl(next: string): string {
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
}

/**
 * `next` from the login URL, if it is a place in this app: only same-origin paths, so a crafted
 * link cannot send the user to another site after logging in.
 */
export function safeNext(raw: string | null): string {
  if (raw === null || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  const path = raw.split(/[?#]/, 1)[0] ?? '';
  return PUBLIC_PAGES.includes(path) ? '/' : raw;
}

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.includes(pathname);
}

/** Called by the API wrapper and the event stream on a 401. */
export function reportUnauthenticated(): void {
  const { pathname, search } = window.location;
  if (isPublicPage(pathname)) return;
  redirect(loginUrl(`${pathname}${search}`));
}
