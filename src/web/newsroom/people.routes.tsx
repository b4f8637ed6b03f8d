import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  addUser, authorize, ConflictError, createApiToken, NotFoundError, ROLES, ValidationError, type Clock, type Store,
} from '../../core/index.js'
import { TokensPage, UsersPage } from '../../views/index.js'
import { parseValidated } from '../hooks/validate.js'
import { IdParams, MemberForm, TokenForm } from './forms.schema.js'
import { layoutFor, memberOf, ROLE_LABELS, sendPage, when, type NewsroomDeps } from './present.js'
import { memberFieldErrors } from './sign-in.routes.js'

export interface PeopleDeps extends NewsroomDeps { store: Store; clock: Clock }

/** A member's own Admin API tokens, and (administrators) the newsroom's members. */
export function registerPeopleRoutes(app: FastifyInstance, deps: PeopleDeps): void {
  async function showTokens(req: FastifyRequest, reply: FastifyReply, fresh: string | null, status = 200) {
    const items = (await deps.store.tokens.listFor(memberOf(req).id)).map((t) => ({
      id: t.id, label: t.label, created: when(t.createdAt), revoked: t.revokedAt && when(t.revokedAt),
    }))
    const layout = layoutFor(deps, req, 'رموز واجهة البرمجة')
    return sendPage(reply, layout, <TokensPage vm={{ items, fresh }} csrf={layout.csrf} />, status)
  }

  app.get('/newsroom/tokens', (req, reply) => showTokens(req, reply, null))

  // The token is on this answer only (no redirect): it is kept as its hash and cannot be shown again.
  app.post('/newsroom/tokens', async (req, reply) => {
    const { label } = parseValidated(TokenForm, req.body ?? {})
    const { token } = await createApiToken({ ...deps.store, clock: deps.clock }, { email: memberOf(req).email, label })
    return showTokens(req, reply, token, 201)
  })

  app.post('/newsroom/tokens/:id/revoke', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const own = (await deps.store.tokens.listFor(memberOf(req).id)).some((t) => t.id === id)
    if (!own) throw new NotFoundError('token', id) // another member's token is none of yours, not even its existence
    await deps.store.tokens.revoke(id, deps.clock.now())
    return reply.redirect('/newsroom/tokens', 303)
  })

  async function showUsers(req: FastifyRequest, reply: FastifyReply, form: { values?: { name: string; email: string }; role?: string; errors?: Record<string, string> } = {}, status = 200) {
    const me = memberOf(req)
    const items = (await deps.store.users.list()).map((u) => ({
      id: u.id, name: u.name, email: u.email, roleLabel: ROLE_LABELS[u.role], active: u.active, self: u.id === me.id,
    }))
    const roles = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], selected: r === (form.role ?? 'contributor') }))
    const layout = layoutFor(deps, req, 'الأعضاء', status === 200 ? {} : { notice: { kind: 'error', text: 'لم يُضف العضو: راجع الحقول المشار إليها.' } })
    return sendPage(reply, layout, <UsersPage vm={{ items, roles, values: form.values ?? { name: '', email: '' }, errors: form.errors ?? {} }} csrf={layout.csrf} />, status)
  }

  app.get('/newsroom/users', async (req, reply) => {
    authorize(memberOf(req), 'users.manage')
    return showUsers(req, reply)
  })

  app.post('/newsroom/users', async (req, reply) => {
    authorize(memberOf(req), 'users.manage')
    const form = parseValidated(MemberForm, req.body ?? {})
    const values = { name: form.name, email: form.email }
    try {
      await addUser({ users: deps.store.users, clock: deps.clock }, { ...values, role: form.role, password: form.password })
    } catch (e) {
      if (e instanceof ValidationError) return showUsers(req, reply, { values, role: form.role, errors: memberFieldErrors(e.problems) }, 400)
      if (e instanceof ConflictError) return showUsers(req, reply, { values, role: form.role, errors: { email: 'لهذا البريد حساب من قبل.' } }, 409)
      throw e
    }
    return reply.redirect('/newsroom/users', 303)
  })

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(`/newsroom/users/:id/${path}`, async (req, reply) => {
      authorize(memberOf(req), 'users.manage')
      const { id } = parseValidated(IdParams, req.params)
      if (id === memberOf(req).id) throw new ValidationError({ id: 'you cannot deactivate yourself' })
      if (!(await deps.store.users.setActive(id, active))) throw new NotFoundError('user', id)
      // A deactivated member's sessions end now; their tokens stop working with them (apiTokenUser).
      if (!active) await deps.store.sessions.deleteAllFor(id)
      return reply.redirect('/newsroom/users', 303)
    })
  }
}
