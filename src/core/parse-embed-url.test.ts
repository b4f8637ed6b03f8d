import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseEmbedUrl } from './parse-embed-url.js'

const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
const POST = 'https://x.com/khabar_news/status/1790000000000000001'

describe('parseEmbedUrl', () => {
  for (const url of [VIDEO, 'https://youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be/dQw4w9WgXcQ?si=abc', 'https://youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube.com/shorts/dQw4w9WgXcQ/',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s', `  ${VIDEO}\n`]) {
    it(`reads ${JSON.stringify(url)} as the canonical YouTube address`, () => {
      assert.deepEqual(parseEmbedUrl(url), { provider: 'youtube', url: VIDEO })
    })
  }

  for (const url of [POST, 'https://twitter.com/khabar_news/status/1790000000000000001', 'https://x.com/khabar_news/status/1790000000000000001?s=20']) {
    it(`reads ${url} as the canonical X address`, () => {
      assert.deepEqual(parseEmbedUrl(url), { provider: 'x', url: POST })
    })
  }

  for (const url of ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=short', 'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://user@youtu.be/dQw4w9WgXcQ',
    'https://youtu.be:8443/dQw4w9WgXcQ', 'https://x.com/khabar_news', 'https://x.com/khabar_news/status/abc', 'https://x.com/khabar_news/status/1/photo/1',
    'javascript:alert(1)', 'يوتيوب', '']) {
    it(`refuses ${JSON.stringify(url)}`, () => {
      assert.equal(parseEmbedUrl(url), null)
    })
  }
})
