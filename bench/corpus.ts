/** Deterministic Vietnamese-like text for benchmarks and large tests. */
import { docFromParagraphs } from '../shared/doc'
import type { ArticleFields } from '../shared/article'

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x']
const RHYMES = ['a', 'ai', 'an', 'ang', 'anh', 'ao', 'at', 'ăn', 'âm', 'ân', 'ây', 'e', 'em', 'en', 'ê', 'ên', 'i', 'iên', 'inh', 'o', 'oa', 'oan', 'ong', 'ô', 'ôi', 'ông', 'ơ', 'ơi', 'u', 'uân', 'ung', 'uy', 'ư', 'ưa', 'ước', 'ương']
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']

/** A small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES: string[] = []
{
  const r = rng(42)
  const seen = new Set<string>()
  while (SYLLABLES.length < 3000) {
    const rhyme = RHYMES[Math.floor(r() * RHYMES.length)]
    const tone = TONES[Math.floor(r() * TONES.length)]
    // put the tone mark on the first vowel, then compose
    const withTone = (rhyme.slice(0, 1) + tone + rhyme.slice(1)).normalize('NFC')
    const s = ONSETS[Math.floor(r() * ONSETS.length)] + withTone
    if (!seen.has(s)) {
      seen.add(s)
      SYLLABLES.push(s)
    }
  }
}

/** A Zipf-ish pick: low indexes much more frequent, like real text. */
function word(r: () => number): string {
  return SYLLABLES[Math.floor(SYLLABLES.length * Math.pow(r(), 2.2))]
}

export function sentence(r: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(word(r))
  const s = out.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1) + '.'
}

export const CATEGORIES = ['Chính trị', 'Kinh tế', 'Xã hội', 'Thế giới', 'An ninh - Quốc phòng', 'Thể thao', 'Giáo dục', 'Sức khỏe']
const TAGS = ['đảng viên', 'Đà Nẵng', 'Hà Nội', 'kinh tế số', 'biển đảo', 'giáo dục', 'bóng đá', 'y tế', 'nông nghiệp', 'du lịch']
const AUTHORS = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Đức Dũng', '']

/** Article fields of about `words` words, deterministic for a seed. */
export function makeArticle(seed: number, words = 600): ArticleFields {
  const r = rng(seed)
  const paragraphs: string[] = []
  let left = words
  while (left > 0) {
    const n = Math.min(left, 40 + Math.floor(r() * 40))
    const sentences: string[] = []
    let m = n
    while (m > 0) {
      const k = Math.min(m, 8 + Math.floor(r() * 12))
      sentences.push(sentence(r, k))
      m -= k
    }
    paragraphs.push(sentences.join(' '))
    left -= n
  }
  const tags = [TAGS[seed % TAGS.length], TAGS[Math.floor(r() * TAGS.length)]]
  return {
    title: sentence(r, 8 + Math.floor(r() * 6)).slice(0, -1),
    sapo: 'VOV.VN - ' + sentence(r, 30),
    body: docFromParagraphs(paragraphs),
    category: CATEGORIES[seed % CATEGORIES.length],
    tags,
    author: AUTHORS[seed % AUTHORS.length],
    source: 'VOV.VN',
    date: `2025-${String((seed % 12) + 1).padStart(2, '0')}-${String((seed % 28) + 1).padStart(2, '0')}`,
    status: seed % 3 === 0 ? 'ready' : 'draft',
    related: [],
    language: 'vi',
    notes: '',
    featuredImage: ''
  }
}
