import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  addUser, NotFoundError, RateLimitedError, signIn, signOut, signOutEverywhere, throttledSignIn, ValidationError, type Clock, type Store,
} from '../../core/index.js'
import { SetupPage, SignInPage } from '../../views/index.js'
import type { FormTokens } from '../hooks/form-token.js'
import { clearedSessionCookie, sessionCookie } from '../hooks/session-cookie.js'
import { sameOriginPath } from '../hooks/redirect.js'
import { parseValidated } from '../hooks/validate.js'
import { SetupForm, SignInForm } from './forms.schema.js'
import { layoutFor, sendPage, type NewsroomDeps } from './present.js'

export interface SignInDeps extends NewsroomDeps { store: Store; clock: Clock; siteUrl: string; forms: FormTokens }

const WRONG = 'البريد الإلكتروني أو كلمة المرور غير صحيحة.'
const STALE = 'انتهت صلاحية الصفحة. أعد إدخال بياناتك.'
const lockedOut = (seconds: number) => `محاولات دخول فاشلة كثيرة. لحماية الحساب أُوقف الدخول مؤقتاً؛ حاول مجدداً بعد ${Math.ceil(seconds / 60)} دقيقة.`

/**
 * The one-time setup link's secret, derived from the site's secret: every app process knows it
 * without storing it, and it opens nothing once the newsroom has a member.
 */
export function setupToken(secret: string): string {
  return createHmac('sha256', secret).update('newsroom-setup').digest('base64url').slice(0, 32)
}

/** Where to go after signing in: a newsroom path, nothing else (no open redirect). */
const nextPath = (next: string) => (next.startsWith('/newsroom') ? sameOriginPath(next) : '/newsroom')

/** Sign-in, sign-out (here or everywhere) and the first administrator's setup. */
export function registerSignInRoutes(app: FastifyInstance, deps: SignInDeps): void {
  const showSignIn = (req: FastifyRequest, reply: FastifyReply, vm: { email?: string; next?: string; error?: string | null }, status = 200) =>
    sendPage(reply, layoutFor(deps, req, 'تسجيل الدخول'), <SignInPage vm={{
      action: '/newsroom/sign-in', token: deps.forms.issue('sign-in'), email: vm.email ?? '', next: vm.next ?? '', error: vm.error ?? null,
    }} />, status)

  const startSession = async (req: FastifyRequest, reply: FastifyReply, token: string, to: string) => {
    // A session the browser brought along (another member's, or planted) ends here: the new one replaces it.
    if (req.session) await signOut(deps.store, req.session)
    return reply.header('set-cookie', sessionCookie(token, deps.siteUrl)).redirect(to, 303)
  }

  app.get('/newsroom/sign-in', async (req, reply) => {
    if (req.member) return reply.redirect('/newsroom', 303)
    const next = typeof (req.query as Record<string, unknown>).next === 'string' ? (req.query as Record<string, string>).next : ''
    return showSignIn(req, reply, { next })
  })

  app.post('/newsroom/sign-in', async (req, reply) => {
    const form = parseValidated(SignInForm, req.body ?? {})
    if (!deps.forms.verify('sign-in', form._form)) return showSignIn(req, reply, { email: form.email, next: form.next, error: STALE }, 403)
    let session
    try {
      session = await throttledSignIn({ ...deps.store, clock: deps.clock }, { email: form.email, password: form.password, ip: req.ip })
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e
      reply.header('retry-after', String(e.retryAfterSeconds))
      return showSignIn(req, reply, { email: form.email, next: form.next, error: lockedOut(e.retryAfterSeconds) }, 429)
    }
    if (!session) return showSignIn(req, reply, { email: form.email, next: form.next, error: WRONG }, 401)
    return startSession(req, reply, session.token, nextPath(form.next))
  })

  app.post('/newsroom/sign-out', async (req, reply) => {
    if (req.session) await signOut(deps.store, req.session)
    return reply.header('set-cookie', clearedSessionCookie(deps.siteUrl)).redirect('/newsroom/sign-in', 303)
  })

  app.post('/newsroom/sign-out-everywhere', async (req, reply) => {
    if (req.session) await signOutEverywhere({ ...deps.store, clock: deps.clock }, req.session)
    return reply.header('set-cookie', clearedSessionCookie(deps.siteUrl)).redirect('/newsroom/sign-in', 303)
  })

  const checkSetup = async (token: string) => {
    const expected = Buffer.from(setupToken(deps.secret))
    const given = Buffer.from(token)
    const matches = given.length === expected.length && timingSafeEqual(given, expected)
    if (!matches || (await deps.store.users.count()) > 0) throw new NotFoundError('setup link', 'used or unknown')
  }
  const showSetup = (req: FastifyRequest, reply: FastifyReply, values: { name: string; email: string }, errors: Record<string, string>, status = 200) =>
    sendPage(reply, layoutFor(deps, req, 'إعداد غرفة الأخبار'), <SetupPage vm={{ action: req.url.split('?')[0]!, token: deps.forms.issue('setup'), values, errors }} />, status)

  app.get<{ Params: { token: string } }>('/newsroom/setup/:token', async (req, reply) => {
    await checkSetup(req.params.token)
    return showSetup(req, reply, { name: '', email: '' }, {})
  })

  app.post<{ Params: { token: string } }>('/newsroom/setup/:token', async (req, reply) => {
    await checkSetup(req.params.token)
    const form = parseValidated(SetupForm, req.body ?? {})
    const values = { name: form.name, email: form.email }
    if (!deps.forms.verify('setup', form._form)) return showSetup(req, reply, values, { form: STALE }, 403)
    try {
      // In one transaction with the count, so two visitors at once make one administrator.
      await deps.store.transaction(async (tx) => {
        if ((await tx.users.count()) > 0) throw new NotFoundError('setup link', 'used')
        await addUser({ users: tx.users, clock: deps.clock }, { ...values, role: 'admin', password: form.password })
      })
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      return showSetup(req, reply, values, memberFieldErrors(e.problems), 400)
    }
    const session = (await signIn({ ...deps.store, clock: deps.clock }, { email: form.email, password: form.password }))!
    return startSession(req, reply, session.token, '/newsroom')
  })
}

/** The people rules' problems (core/people/user.ts) in the newsroom's words. */
export function memberFieldErrors(problems: Record<string, string>): Record<string, string> {
  const words: Record<string, string> = {
    name: 'اكتب الاسم (حتى 100 حرف).', email: 'اكتب بريداً إلكترونياً صحيحاً.',
    password: 'كلمة المرور من 10 أحرف على الأقل (وحتى 200).', role: 'اختر دوراً من القائمة.',
  }
  return Object.fromEntries(Object.keys(problems).map((f) => [f, words[f] ?? problems[f]!]))
}
