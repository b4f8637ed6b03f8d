import { parseArgs } from 'node:util'
import { read } from 'read'
import type { Config } from '../../config/index.js'
import { addUser, createApiToken, listUsers, resetPassword, ValidationError, type Store } from '../../core/index.js'
import { openConfiguredStore } from './open-configured-store.js'

/** `khabar user …` and `khabar token …`: the newsroom's members and their API tokens, from the command line. */

const USAGE = `usage: khabar user add EMAIL --name NAME --role contributor|author|editor|admin
       khabar user reset-password EMAIL
       khabar user list
(the password comes from KHABAR_PASSWORD, or is asked for without echo in a terminal)`

/**
 * The new password: KHABAR_PASSWORD, else typed twice in a terminal without echo. Null when neither
 * is possible (a script without the variable): never read from a pipe, where it would be echoed
 * into logs and shell histories.
 */
async function newPassword(env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.KHABAR_PASSWORD !== undefined) return env.KHABAR_PASSWORD
  if (!process.stdin.isTTY) return null
  const first = await read({ prompt: 'password: ', silent: true, replace: '*', output: process.stderr })
  const again = await read({ prompt: 'again: ', silent: true, replace: '*', output: process.stderr })
  if (first !== again) throw new ValidationError({ password: 'the two entries differ' })
  return first
}

/** `khabar user …`: the newsroom's members, from the command line; returns the exit code. */
export async function user(config: Config, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, options: { name: { type: 'string' }, role: { type: 'string' } }, allowPositionals: true })
  } catch (e) {
    console.error(`khabar user: ${(e as Error).message}\n${USAGE}`)
    return 2
  }
  const [verb, email, ...extra] = parsed.positionals
  const { name, role } = parsed.values
  const fits = verb === 'list' ? email === undefined : (verb === 'add' || verb === 'reset-password') && email !== undefined && extra.length === 0
  if (!fits) {
    console.error(USAGE)
    return 2
  }
  const withStore = async (work: (store: Store) => Promise<void>) => {
    const store = await openConfiguredStore(config)
    try {
      await work(store)
    } finally {
      await store.close()
    }
  }
  if (verb === 'list') {
    await withStore(async (store) => {
      for (const u of await listUsers({ users: store.users })) {
        console.log([u.email, u.role, u.active ? 'active' : 'inactive', u.name].join('\t'))
      }
    })
    return 0
  }
  if (verb === 'add' && (name === undefined || role === undefined)) {
    console.error(`khabar user add: --name and --role are required\n${USAGE}`)
    return 2
  }
  const password = await newPassword(env)
  if (password === null) {
    console.error(`khabar user ${verb}: set KHABAR_PASSWORD, or run this in a terminal to type the password`)
    return 2
  }
  await withStore(async (store) => {
    const deps = { users: store.users, sessions: store.sessions, clock: { now: () => new Date() } }
    const u = verb === 'add'
      ? await addUser(deps, { email: email!, name: name!, role: role!, password })
      : await resetPassword(deps, { email: email!, password })
    console.log(`khabar user ${verb}: ${u.email} (${u.role}) ${verb === 'add' ? 'added' : 'has a new password'}`)
  })
  return 0
}

const TOKEN_USAGE = 'usage: khabar token create EMAIL [--label LABEL]'

/**
 * `khabar token create EMAIL [--label L]`: a personal Admin API token for a member, printed as the
 * last line of the output (for scripts to take) and never shown again.
 */
export async function token(config: Config, args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, options: { label: { type: 'string' } }, allowPositionals: true })
  } catch (e) {
    console.error(`khabar token: ${(e as Error).message}\n${TOKEN_USAGE}`)
    return 2
  }
  const [verb, email, ...extra] = parsed.positionals
  if (verb !== 'create' || email === undefined || extra.length > 0) {
    console.error(TOKEN_USAGE)
    return 2
  }
  const store = await openConfiguredStore(config)
  try {
    const made = await createApiToken({ users: store.users, tokens: store.tokens, clock: { now: () => new Date() } }, { email, label: parsed.values.label })
    console.log(`khabar token create: a token for ${made.user.email} (${made.user.role})${made.record.label ? `, «${made.record.label}»` : ''}; keep it now, it is not shown again:`)
    console.log(made.token)
    return 0
  } finally {
    await store.close()
  }
}
