import type { Kysely, Selectable } from 'kysely'
import type { Role, StoredUser, UserRepo } from '../../core/index.js'
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
    async setPasswordHash(id, passwordHash) {
      const r = await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
  }
}
