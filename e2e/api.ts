/** What specs need to call the API themselves through Playwright's request context. */

export const ADMIN_USERNAME = 'admin';

/**
 * Headers for a state-changing request made through Playwright's `request` (not by the page):
 * the server's own Origin, as the browser sends it, or the server refuses the request.
 */
export function sameOrigin(baseURL: string | undefined): { origin: string } {
  if (baseURL === undefined) throw new Error('baseURL is not configured');
  return { origin: new URL(baseURL).origin };
}
