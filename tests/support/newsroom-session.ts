import type { FastifyInstance } from 'fastify'
import { addUser, createApiToken, type Role, type Store } from '../../src/core/index.js'

export const PASSWORD = 'كلمة سر طويلة للتجربة'
const clock = { now: () => new Date() }

/** A member of the newsroom, signed in: their cookie, CSRF token and Admin API token. */
export interface Member { id: number; email: string; role: Role; cookie: string; csrf: string; token: string }

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  return body.toString()
}

/** Posts a form as a browser on our own pages would (same origin). */
export function post(app: FastifyInstance, url: string, fields: Record<string, string | string[]>, cookie = '', headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST', url, payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}), ...headers },
  })
}

/** Signs in through the sign-in page, as a browser does; the session cookie, or throws with the page's answer. */
export async function signInThroughPage(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const page = await app.inject('/newsroom/sign-in')
  const token = /name="_form" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
  const res = await post(app, '/newsroom/sign-in', { email, password, _form: token, next: '' })
  if (res.statusCode !== 303) throw new Error(`sign-in answered ${res.statusCode}: ${res.body.slice(0, 200)}`)
  return String(res.headers['set-cookie']).split(';')[0]!
}

/** The CSRF token a newsroom page hands this session. */
export async function csrfOf(app: FastifyInstance, cookie: string): Promise<string> {
  const page = await app.inject({ url: '/newsroom', headers: { cookie } })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
  if (!csrf) throw new Error(`no CSRF token on /newsroom (${page.statusCode})`)
  return csrf
}

/** Adds a member with {@link PASSWORD} and signs them in, page and API. */
export async function addMember(app: FastifyInstance, store: Store, role: Role, email = `${role}@example.com`): Promise<Member> {
  const user = await addUser({ users: store.users, clock }, { email, name: `عضو ${role}`, role, password: PASSWORD })
  const cookie = await signInThroughPage(app, email)
  const { token } = await createApiToken({ users: store.users, tokens: store.tokens, clock }, { email })
  return { id: user.id, email, role, cookie, csrf: await csrfOf(app, cookie), token }
}
