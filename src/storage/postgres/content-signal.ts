import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

/** The channel the content tables' triggers notify on (migration 006); the payload is `schema token`. */
export const CONTENT_CHANNEL = 'khabar_content'
/** Where each process says it has taken a writer's change in (payload `schema token`). */
export const ACK_CHANNEL = 'khabar_content_ack'

/**
 * What the page cache checks on every request: a version that moves whenever content committed
 * by any process on this database (other workers, other machines, `khabar import`) changes.
 */
export interface ContentSignal {
  /** Synchronous: `epoch.count` while listening; a never-repeating value while the listener is down. */
  version(): string
  /** Records a write this process committed (it shows at once, without waiting for the notification). */
  changed(): void
  /**
   * Resolves when every process listening on this database has taken in the change that the
   * transaction committed with `token` made — each acknowledges it once its version has moved —
   * or after `timeoutMs` (a process too busy to answer), or at once when not listening. A request
   * made after that, to any process, finds the pages that showed the old content stale.
   */
  delivered(token: string, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/**
 * Listens on one dedicated connection (`LISTEN`), for the tables of `schema`. While that
 * connection is down — PostgreSQL restarted, a network cut — notifications are lost, so the
 * version changes on every call (nothing is served from the page cache) until it is back;
 * it reconnects with a growing back-off (0.1 s → 5 s), and a new epoch starts, because anything
 * may have changed meanwhile.
 */
export async function listenForContentChanges(
  client: (applicationName: string) => pg.Client,
  schema: string,
  log: (message: string) => void = (m) => console.error(m),
): Promise<ContentSignal> {
  let epoch = 0
  let count = 0
  let listening = false
  let downTicks = 0
  let stopped = false
  let current: pg.Client | null = null
  const applicationName = `khabar-listen:${schema}`.slice(0, 63)
  // Acknowledgements counted per writer's token (they can arrive before the writer asks), and the
  // writers waiting for a number of them.
  const acks = new Map<string, number>()
  const waiting = new Map<string, { want: number; done: () => void }>()

  function onNotification(msg: pg.Notification) {
    const [from, token = ''] = (msg.payload ?? '').split(' ')
    if (from !== schema) return
    if (msg.channel === CONTENT_CHANNEL) {
      count++
      // Acknowledged only now that the version has moved: a request after the writer has every
      // acknowledgement cannot be answered from a page cached before the change.
      if (token) current?.query('SELECT pg_notify($1, $2)', [ACK_CHANNEL, `${schema} ${token}`]).catch(() => {})
      return
    }
    const n = (acks.get(token) ?? 0) + 1
    acks.set(token, n)
    if (acks.size > 1_000) acks.delete(acks.keys().next().value!)
    const waiter = waiting.get(token)
    if (waiter && n >= waiter.want) waiter.done()
  }

  /** Connects and listens; resolves when the connection ends (or rejects if it cannot start). */
  async function listenOnce(): Promise<{ ended: Promise<void> }> {
    const c = client(applicationName)
    current = c
    const ended = new Promise<void>((resolve) => {
      c.once('end', resolve)
      c.on('error', () => resolve())
    })
    c.on('notification', onNotification)
    await c.connect()
    // Set after connecting: an application_name in the database URL would win over the one given
    // when connecting, and writers count the listening processes by this name.
    await c.query(`SELECT set_config('application_name', $1, false)`, [applicationName])
    await c.query(`LISTEN ${CONTENT_CHANNEL}; LISTEN ${ACK_CHANNEL}`)
    epoch++
    listening = true
    // Wrapped: an async function returning a bare promise would wait for it to settle.
    return {
      ended: ended.then(() => {
        listening = false
        for (const w of waiting.values()) w.done()
      }),
    }
  }

  async function keepListening(ended: Promise<void>) {
    await ended
    for (let attempt = 0; !stopped; attempt++) {
      if (attempt === 0) log('khabar: lost the PostgreSQL notification connection; pages are not cached until it is back')
      await sleep(Math.min(5_000, 100 * 2 ** attempt))
      if (stopped) return
      try {
        ended = (await listenOnce()).ended
        log('khabar: listening for content changes again')
        attempt = -1
        await ended
      } catch {
        await current?.end().catch(() => {})
      }
    }
  }

  void keepListening((await listenOnce()).ended)

  return {
    version: () => (listening ? `${epoch}.${count}` : `down.${++downTicks}`),
    changed() {
      count++
    },
    async delivered(token, timeoutMs) {
      if (!listening || !current) return
      // The processes listening now (this one included). One that starts listening after the
      // commit never hears of it, and needs not: it starts a new epoch, with nothing cached.
      let want: number
      try {
        const { rows } = await current.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [applicationName])
        want = rows[0]?.n ?? 0
      } catch {
        return // the listener dropped: this process caches nothing until it is back
      }
      if ((acks.get(token) ?? 0) >= want) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs)
        function done() {
          clearTimeout(timer)
          waiting.delete(token)
          resolve()
        }
        waiting.set(token, { want, done })
      })
    },
    async close() {
      stopped = true
      listening = false
      await current?.end().catch(() => {})
    },
  }
}
