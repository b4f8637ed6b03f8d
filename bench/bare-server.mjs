// The baseline: node:http answering from memory with the very bytes Khabar sent for each path.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const pages = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8'))).map(([path, p]) => [path, {
  body: Buffer.from(p.body, 'base64'),
  headers: p.headers,
}]))
const server = createServer((req, res) => {
  const page = pages.get(req.url)
  if (!page) { res.writeHead(404).end(); return }
  res.writeHead(200, page.headers).end(page.body)
})
server.listen(0, '127.0.0.1', () => console.log(`bare server on ${server.address().port}`))
