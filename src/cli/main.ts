import { loadConfig, ConfigError, type Config } from '../config/index.js'
import { ValidationError } from '../core/index.js'
import { serve } from './commands/serve.js'
import { migrate } from './commands/migrate.js'
import { importFile } from './commands/import.js'
import { reindex } from './commands/reindex.js'
import { dbCopy } from './commands/db-copy.js'
import { token, user } from './commands/people.js'
import { terminalText } from './terminal-text.js'

/** Exit codes: 0 done; 1 failed; 2 bad usage or configuration; 3 done, but some records were skipped. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const

const USAGE = `usage: khabar <command>

commands:
  serve                  run the site (PORT, HOST, KHABAR_DATA_DIR; demo content on first start unless KHABAR_DEMO=0)
  migrate                bring the database schema up to date
  import ndjson FILE     import articles from NDJSON (plain or .gz); bad lines are reported and skipped
  reindex                rebuild the search index and the related articles
  db copy --to TARGET    copy the site's database to TARGET (a postgres:// URL or a SQLite file), keeping ids,
                         then rebuild TARGET's search index and compare every table on both sides
  db copy --from SOURCE  the same the other way: SOURCE into the configured database
                         (either: --force empties a target that holds content, e.g. after a failed copy)
  user add EMAIL --name NAME --role ROLE
                         add a newsroom member (contributor, author, editor or admin); the password comes
                         from KHABAR_PASSWORD, or is asked for without echo in a terminal
  user reset-password EMAIL
                         set a member's password (the same way)
  user list              the newsroom's members: email, role, active or not, name
  token create EMAIL [--label LABEL]
                         a personal Admin API token acting as that member, printed as the last line
  help                   show this text

exit codes: 0 done, 1 failed, 2 bad usage, 3 done with skipped records`

/** Runs one `khabar` command and returns its exit code; a server keeps running after it returns. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE)
    return command ? EXIT.ok : EXIT.usage
  }
  let config: Config
  try {
    config = loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`khabar: ${e.message}`)
      return EXIT.usage
    }
    throw e
  }
  try {
    switch (command) {
      case 'serve': return await serve(config)
      case 'migrate': return await migrate(config)
      case 'import': return await importFile(config, rest)
      case 'reindex': return await reindex(config)
      case 'db': return await dbCopy(config, rest)
      case 'user': return await user(config, rest, env)
      case 'token': return await token(config, rest)
      default:
        console.error(`khabar: unknown command '${command}'\n\n${USAGE}`)
        return EXIT.usage
    }
  } catch (e) {
    console.error(terminalText(`khabar ${command}: ${(e as Error).message}`)) // the message may quote input
    // A refused field (named in the message) is bad usage; anything else, a failure.
    return e instanceof ValidationError ? EXIT.usage : EXIT.failed
  }
}
