export { importNdjson, ImportFailedError, type ImportReport, type ImportProblem } from './ndjson/import-ndjson.js'
export { parseArticlePage, PageParseError, type ParsedArticlePage } from './page/parse-article-page.js'
