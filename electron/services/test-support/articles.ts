/** Representative articles for export tests (our own Vietnamese text, fixed ids and times). */
// the sample article as the export goldens were made from it (the app's own sample, resources/, may change)
import sample from './golden-sample.json'
import type { Article } from '../../../shared/article'
import { defaultFields } from '../../../shared/article'

const times = { createdAt: '2026-01-15T08:00:00.000Z', updatedAt: '2026-01-16T09:30:00.000Z' }
const p = (...content: unknown[]) => ({ type: 'paragraph', content })
const t = (text: string, marks?: unknown[]) => ({ type: 'text', text, ...(marks ? { marks } : {}) })

export const goldenArticles: Record<string, Article> = {
  sample: { ...(sample as Omit<Article, 'id' | 'createdAt' | 'updatedAt'>), id: '11111111-1111-4111-8111-111111111111', ...times } as Article,
  'minimal-untitled': { ...defaultFields(), id: '22222222-2222-4222-8222-222222222222', ...times },
  'tricky-text': {
    ...defaultFields(),
    id: '33333333-3333-4333-8333-333333333333',
    ...times,
    title: 'Khi tiêu đề có </title></script><script>alert(1)</script> & “ngoặc kép”',
    sapo: 'VOV.VN - Sapo có ký tự <b>đặc biệt</b> & \u2028 dòng mới.',
    category: 'Thế giới',
    tags: ['a&b', '<thẻ>', 'Đà Nẵng'],
    author: 'Trần "Tí" Tèo',
    source: 'VOV.VN',
    date: '2024-02-29',
    status: 'ready',
    related: ['Tin liên quan <i>một</i>'],
    language: 'vi',
    body: {
      type: 'doc',
      content: [
        p(t('Dấu * _ ` [ ] # > và <b>không phải thẻ</b> cùng &amp; &lt; phải giữ nguyên.')),
        p(t('Liên kết ', undefined), t('thư', [{ type: 'link', attrs: { href: 'mailto:toasoan@example.com', title: null } }]), t(' và '), t('mục', [{ type: 'link', attrs: { href: '#muc', title: null } }])),
        { type: 'heading', attrs: { level: 3 }, content: [t('Tiêu đề **phụ**')] },
        { type: 'ordered_list', attrs: { order: 3 }, content: [{ type: 'list_item', content: [p(t('ba'))] }, { type: 'list_item', content: [p(t('bốn'))] }] }
      ]
    }
  }
}
