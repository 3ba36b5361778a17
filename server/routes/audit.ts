import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery } from '../../common/access.js';
import { storeCall } from '../auth/store-errors.js';

/** The audit log, newest first, filtered by user, object (and below), time and result. Guarded by `audit.view` on '/'. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit', { schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) =>
    storeCall(() => app.auth.store.queryAudit(request.query)),
  );
};
