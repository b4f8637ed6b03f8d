import { openSqliteStore } from '../../src/storage/index.js'
import { describeSearchIndex } from './search-index.contract.js'

describeSearchIndex('sqlite', () => openSqliteStore(':memory:'))
