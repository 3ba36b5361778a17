/** The Audit page's filters as typed, and the query of GET /api/v1/audit they make. */
export interface AuditFilter {
  user: string;
  /** An ACL path: entries on it and below it. */
  object: string;
  /** `2026-12-03` or `2026-12-03 13:05[:09]` in the browser's time zone, as dates are shown. */
  from: string;
  to: string;
  result: '' | 'success' | 'failure';
}

export const EMPTY_FILTER: AuditFilter = { user: '', object: '', from: '', to: '', result: '' };
export const PAGE_SIZE = 50;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A typed date and time in local time; a bare date means its first moment, or with `endOfDay` its
 * last (so "to 2026-12-03" includes that day). Undefined when empty, null when not a valid date.
 */
export function parseLocalDateTime(text: string, endOfDay = false): Date | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const m = DATE_TIME.exec(trimmed);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return null;
  const timeGiven = hour !== undefined;
  const date = timeGiven
    ? new Date(year, month - 1, day, hour, minute ?? 0, second ?? (endOfDay ? 59 : 0), endOfDay && second === undefined ? 999 : 0)
    : endOfDay
      ? new Date(year, month - 1, day, 23, 59, 59, 999)
      : new Date(year, month - 1, day);
  // new Date(2026, 1, 31) is 3 March: refuse dates that rolled over.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  if (timeGiven && (date.getHours() !== hour || date.getMinutes() !== (minute ?? 0))) return null;
  return date;
}

export function dateProblem(text: string): string | undefined {
  return parseLocalDateTime(text) === null ? 'Use the form 2026-12-03 or 2026-12-03 13:05.' : undefined;
}

/** Why the filter cannot be applied, or undefined. */
export function filterProblem(filter: AuditFilter): string | undefined {
  const from = parseLocalDateTime(filter.from);
  const to = parseLocalDateTime(filter.to, true);
  if (from === null || to === null) return 'A date is not in the form 2026-12-03 or 2026-12-03 13:05.';
  if (from !== undefined && to !== undefined && from > to) return '"From" lies after "to".';
  return undefined;
}

/** The query string (without "?") for one page of entries matching `filter`. */
export function auditSearch(filter: AuditFilter, offset: number, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (filter.user.trim() !== '') params.set('user', filter.user.trim());
  if (filter.object.trim() !== '') params.set('object', filter.object.trim());
  const from = parseLocalDateTime(filter.from);
  const to = parseLocalDateTime(filter.to, true);
  if (from instanceof Date) params.set('from', from.toISOString());
  if (to instanceof Date) params.set('to', to.toISOString());
  if (filter.result !== '') params.set('result', filter.result);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
}
