import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, BusyError, RateLimitedError, ValidationError, type AppErrorCode, type Clock, type Store } from '../../core/index.js'
import { ErrorPage, PageLayout, renderDocument } from '../../views/index.js'
import { buildLayout } from '../site/layout.js'
import { SECURITY_HEADERS } from './front-hook.js'

const STATUS: Record<AppErrorCode, number> = { not_found: 404, validation: 400, unauthorized: 401, forbidden: 403, conflict: 409, rate_limited: 429, busy: 503 }

const PAGE_TEXT: Record<number, { heading: string; message: string }> = {
  400: { heading: 'طلب غير صالح', message: 'في عنوان الصفحة أو في معطياته ما لا نفهمه. تحقق من الرابط ثم أعد المحاولة.' },
  401: { heading: 'سجّل الدخول أولاً', message: 'هذه الصفحة لأعضاء غرفة الأخبار.' },
  403: { heading: 'غير مسموح', message: 'لا يمكن إتمام هذا الطلب.' },
  404: { heading: 'الصفحة غير موجودة', message: 'ربما نُقل الخبر أو حُذف، أو أن الرابط غير صحيح.' },
  409: { heading: 'تعارض', message: 'هذا العنصر موجود من قبل.' },
  429: { heading: 'طلبات كثيرة', message: 'أرسلت طلبات كثيرة في وقت قصير. انتظر دقيقة ثم أعد المحاولة.' },
  503: { heading: 'الموقع مشغول', message: 'لم نتمكن من حفظ طلبك لانشغال الموقع بعمل آخر، ولم يُحفظ شيء منه. أعد المحاولة بعد لحظات.' },
  500: { heading: 'حدث خطأ', message: 'حدث خطأ غير متوقع من جهتنا، وقد سُجّل لنراجعه. أعد المحاولة بعد قليل.' },
}

const API_MESSAGES: Record<number, string> = {
  400: 'bad request', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 409: 'conflict', 429: 'too many requests', 500: 'internal error', 503: 'busy: nothing was stored; try again in a few seconds',
}

function classify(error: unknown): { status: number; code: string; message: string | null; fields?: Record<string, string> } {
  if (error instanceof ValidationError) return { status: 400, code: error.code, message: error.message, fields: error.problems }
  if (error instanceof AppError) return { status: STATUS[error.code], code: error.code, message: error.message }
  const e = error as FastifyError
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 429 ? 'rate_limited' : e.statusCode === 404 ? 'not_found' : 'bad_request'
    return { status: e.statusCode, code, message: e.message }
  }
  return { status: 500, code: 'internal', message: null }
}

/**
 * The one place errors become responses: JSON `{ error: { code, message } }` under /api, an Arabic
 * page elsewhere. Messages of 5xx errors are never shown; they are logged with the request id.
 */
export function registerErrorHandling(
  app: FastifyInstance,
  deps: { store: Store; clock: Clock; siteName: string; siteUrl: string; assetVersion: string },
): (error: unknown, req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  async function respond(req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string | null, fields?: Record<string, string>) {
    // Errors raised before routing skip the front hook: set its headers here too.
    reply.code(status).headers(SECURITY_HEADERS).header('cache-control', 'no-store')
    // Scripts (the newsroom's autosave) ask for JSON and get the API's error shape wherever they call.
    if (req.url.startsWith('/api/') || req.url.startsWith('/healthz') || String(req.headers.accept ?? '').startsWith('application/json')) {
      // A refused field is named on its own too, for clients that point at the field.
      return reply.send({ error: { code, message: status >= 500 || !message ? API_MESSAGES[status] ?? 'error' : message, ...(fields && { fields }) } })
    }
    const text = PAGE_TEXT[status] ?? PAGE_TEXT[status >= 500 ? 500 : 400]!
    let html: string
    try {
      const layout = await buildLayout(deps, { title: text.heading, path: req.url.split('?')[0]! })
      html = renderDocument(<PageLayout vm={layout}><ErrorPage vm={{ status, ...text }} /></PageLayout>)
    } catch {
      // The store itself may be what failed: answer with a page that needs nothing from it.
      html = `<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>${text.heading}</title><h1>${text.heading}</h1><p>${text.message}</p>`
    }
    return reply.type('text/html; charset=utf-8').send(html)
  }

  const handle = async (error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, code, message, fields } = classify(error)
    if (error instanceof BusyError || error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds))
    if (status >= 500) req.log.error({ err: error, reqId: req.id }, 'request failed')
    if (status === 401 && req.url.startsWith('/api/')) reply.header('www-authenticate', 'Bearer realm="khabar"')
    return respond(req, reply, status, code, message, fields)
  }
  app.setErrorHandler(handle)
  app.setNotFoundHandler(async (req, reply) => respond(req, reply, 404, 'not_found', `no route for ${req.method} ${req.url.split('?')[0]}`))
  return handle
}
