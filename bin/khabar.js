#!/usr/bin/env node
// The `khabar` command. Registers tsx so the TypeScript sources run as they are, then hands over.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/main.ts')
process.exitCode = await runCli(process.argv.slice(2))
