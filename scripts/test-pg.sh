#!/usr/bin/env bash
# npm run test:pg — what needs servers: the contract suites and store tests on PostgreSQL, the
# shared rate limits on Redis (*.services.test.ts), then the whole HTTP suite on PostgreSQL.
# Tests that are about SQLite files themselves (cross-process, concurrent-import) stay in npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
export KHABAR_TEST_PG_URL="${KHABAR_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
export KHABAR_TEST_REDIS_URL="${KHABAR_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
node --import tsx --test $(find src tests -path tests/e2e -prune -o -name '*.services.test.ts' -print | sort)
KHABAR_TEST_STORE=postgres node --import tsx --test $(ls tests/http/*.test.ts | grep -v -e concurrent-import -e cross-process | sort)
