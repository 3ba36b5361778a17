import { ApiError } from '../api';
import { Button } from './Button';

export function errorText(error: unknown): { code?: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

export function ErrorBanner({ error, title, onRetry, id }: { error: unknown; title?: string; onRetry?: () => void; id?: string }) {
  const { code, message } = errorText(error);
  return (
    <div
      role="alert"
      id={id}
      className="flex items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
    >
      <span aria-hidden className="font-bold">!</span>
      <div className="min-w-0 flex-1">
        {title !== undefined && <p className="font-semibold">{title}</p>}
        <p className="break-words" data-testid="error-message">{message}</p>
        {code !== undefined && <p className="mt-1 font-mono text-xs opacity-75">{code}</p>}
      </div>
      {onRetry !== undefined && (
        <Button size="sm" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
