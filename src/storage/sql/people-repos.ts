import type { Kysely, Selectable } from 'kysely'
import { withoutHash, type ApiToken, type ApiTokenRepo, type Role, type EditLockRepo, type SessionRepo, type SignInFailureRepo, type StoredUser, type UserRepo } from '../../core/index.js'
import type { Database } from './schema.js'

const toUser = (r: Selectable<Database['users']>): StoredUser => ({
  id: Number(r.id),
  email: r.email,
  name: r.name,
  role: r.role as Role,
  active: Number(r.active) === 1,
  createdAt: new Date(r.created_at),
  passwordHash: r.password_hash,
})

export function createSqlUserRepo(db: Kysely<Database>): UserRepo {
  return {
    async create(u, at) {
      // ON CONFLICT rather than look-then-insert: two processes adding one address at once get one row.
      const r = await db.insertInto('users')
        .values({ email: u.email, name: u.name, role: u.role, password_hash: u.passwordHash, created_at: at.toISOString() })
        .onConflict((oc) => oc.column('email').doNothing()).returningAll().executeTakeFirst()
      return r ? toUser(r) : null
    },
    async byId(id) {
      const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      return r ? toUser(r) : null
    },
    async byEmail(email) {
      const r = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
      return r ? toUser(r) : null
    },
    async list() {
      return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser)
    },
    async count() {
      return Number((await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    },
    async setActive(id, active) {
      const r = await db.updateTable('users').set({ active: active ? 1 : 0 }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    async setPasswordHash(id, passwordHash) {
      const r = await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}

export function createSqlSessionRepo(db: Kysely<Database>): SessionRepo {
  return {
    async create(s) {
      await db.insertInto('sessions')
        .values({ id_hash: s.idHash, user_id: s.userId, created_at: s.createdAt.toISOString(), expires_at: s.expiresAt.toISOString() }).execute()
    },
    async find(idHash) {
      const r = await db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id_hash', 's.user_id', 's.created_at as session_created_at', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.active', 'u.created_at'])
        .where('s.id_hash', '=', idHash).executeTakeFirst()
      if (!r) return null
      return {
        session: { idHash: r.id_hash, userId: Number(r.user_id), createdAt: new Date(r.session_created_at), expiresAt: new Date(r.expires_at) },
        user: withoutHash(toUser({ ...r, password_hash: null })),
      }
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
    },
    async deleteAllFor(userId) {
      return Number((await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows)
    },
    async deleteExpired(at) {
      return Number((await db.deleteFrom('sessions').where('expires_at', '<', at.toISOString()).executeTakeFirst()).numDeletedRows)
    },
  }
}

const toToken = (r: Selectable<Database['api_tokens']>): ApiToken => ({
  id: Number(r.id), userId: Number(r.user_id), label: r.label, createdAt: new Date(r.created_at),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
})

export function createSqlApiTokenRepo(db: Kysely<Database>): ApiTokenRepo {
  return {
    async create(t, at) {
      const r = await db.insertInto('api_tokens')
        .values({ user_id: t.userId, label: t.label, token_hash: t.tokenHash, created_at: at.toISOString() }).returningAll().executeTakeFirstOrThrow()
      return toToken(r)
    },
    async find(tokenHash) {
      const r = await db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id as token_id', 't.user_id', 't.label', 't.token_hash', 't.created_at as token_created_at', 't.revoked_at',
          'u.id', 'u.email', 'u.name', 'u.role', 'u.active', 'u.created_at'])
        .where('t.token_hash', '=', tokenHash).executeTakeFirst()
      if (!r) return null
      return {
        token: toToken({ ...r, id: r.token_id, created_at: r.token_created_at }),
        user: withoutHash(toUser({ ...r, password_hash: null })),
      }
    },
    async listFor(userId) {
      return (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(toToken)
    },
    async revoke(id, at) {
      const r = await db.updateTable('api_tokens').set({ revoked_at: at.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}

export function createSqlSignInFailureRepo(db: Kysely<Database>): SignInFailureRepo {
  return {
    async record(keys, at) {
      if (keys.length) await db.insertInto('sign_in_failures').values(keys.map((key) => ({ key, failed_at: at.toISOString() }))).execute()
    },
    async countSince(key, since) {
      const r = await db.selectFrom('sign_in_failures').select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('key', '=', key).where('failed_at', '>=', since.toISOString()).executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async oldestSince(key, since) {
      const r = await db.selectFrom('sign_in_failures').select((eb) => eb.fn.min('failed_at').as('at'))
        .where('key', '=', key).where('failed_at', '>=', since.toISOString()).executeTakeFirst()
      return r?.at ? new Date(r.at) : null
    },
    async clear(key) {
      await db.deleteFrom('sign_in_failures').where('key', '=', key).execute()
    },
    async deleteBefore(at) {
      return Number((await db.deleteFrom('sign_in_failures').where('failed_at', '<', at.toISOString()).executeTakeFirst()).numDeletedRows)
    },
  }
}

/** Edit locks are the newsroom's, not content: written through the untracked handle with members and sessions. */
export function createSqlEditLockRepo(db: Kysely<Database>): EditLockRepo {
  return {
    async take(articleId, userId, at) {
      await db.insertInto('article_edit_locks').values({ article_id: articleId, user_id: userId, taken_at: at.toISOString() })
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ user_id: userId, taken_at: at.toISOString() })).execute()
    },
    async holder(articleId) {
      const r = await db.selectFrom('article_edit_locks as l').innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.article_id', 'l.user_id', 'u.name', 'l.taken_at']).where('l.article_id', '=', articleId).executeTakeFirst()
      return r ? { articleId: Number(r.article_id), userId: Number(r.user_id), userName: r.name, takenAt: new Date(r.taken_at) } : null
    },
    async release(articleId, userId) {
      await db.deleteFrom('article_edit_locks').where('article_id', '=', articleId).where('user_id', '=', userId).execute()
    },
  }
}
