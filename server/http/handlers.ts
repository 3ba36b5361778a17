import type { FastifyInstance } from 'fastify';
import { ErrorCodes } from '../../common/errors.js';
import { toApiError } from './errors.js';

/** JSON errors for /api; the SPA's index.html for every other GET that matches no file. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { statusCode, body } = toApiError(err);
    if (statusCode >= 500) request.log.error({ err }, 'request failed');
    void reply.status(statusCode).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (!isApi && wantsPage && app.hasReplyDecorator('sendFile')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: ErrorCodes.notFound, message: `No such API endpoint: ${request.method} ${path}` },
    });
  });
}
