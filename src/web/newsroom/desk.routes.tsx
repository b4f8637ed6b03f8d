import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import {
  accessOf, articleFor, articlePath, authorize, can, canStep, createArticle, deleteArticle, editArticle, InvalidStepError,
  addArticleNote, diffArticleSnapshots, moveArticle, NotFoundError, openForEditing, parseIsoDate, restoreRevision,
  stepAction as stepActionOf, suggestTags, ValidationError, WORKFLOW_STEPS, type SnapshotChange,
  type Article, type ArticleInput, type ArticleStatus, type CommentStatus, type Clock, type Repos, type DeskArticle, type Store, type User, type WorkflowStep,
} from '../../core/index.js'
import { DashboardPage, EditorPage, RevisionsPage, type DeskRowVm, type EditorVm, type RevisionsVm } from '../../views/index.js'
import { parseValidated } from '../hooks/validate.js'
import { ArticleForm, IdParams, NoteForm, RevisionParams } from './forms.schema.js'
import { COMMENT_STATUS_LABELS, layoutFor, memberOf, sendPage, STATUS_LABELS, when, type NewsroomDeps } from './present.js'

export interface DeskDeps extends NewsroomDeps {
  store: Store
  clock: Clock
  /** The public article page's HTML for any story, whatever its state (the preview). */
  renderPreview(article: Article): Promise<string>
}


const SOURCES = ['متابعة', 'وكالات', 'رويترز', 'فرانس برس', 'أسوشيتد برس', 'الأناضول']

const ACTION_LABELS: Record<WorkflowStep | 'save' | 'delete', string> = {
  save: 'حفظ', submit: 'إرسال للمراجعة', return: 'إعادة إلى الكاتب', publish: 'نشر', schedule: 'جدولة', unpublish: 'إلغاء النشر', delete: 'حذف',
}

const DONE: Record<string, string> = {
  save: 'حُفظ الخبر.', submit: 'أُرسل الخبر للمراجعة.', return: 'أُعيد الخبر إلى كاتبه.', publish: 'نُشر الخبر.',
  schedule: 'جُدول الخبر.', unpublish: 'أُلغي نشر الخبر.', created: 'أُنشئ الخبر.', note: 'أُضيفت الملاحظة إلى الخبر.',
  restore: 'استُعيدت النسخة السابقة، وحُفظت نسخةً جديدة.',
}

const NOTE_LABELS = { correction: 'تصحيح', update: 'تحديث' } as const

/** What a revision's note says (the workflow step it was saved with, or a restore). */
function revisionNote(note: string | null): string | null {
  if (!note) return null
  const restored = /^restored revision (\d+)$/.exec(note)
  if (restored) return `استعادة النسخة ${restored[1]}`
  if (note === 'autosave') return 'حفظ تلقائي'
  return ACTION_LABELS[note as WorkflowStep] ?? note
}

const FIELD_LABELS: Record<SnapshotChange['field'], string> = {
  title: 'العنوان', dek: 'المقدمة', body: 'نص الخبر', dateline: 'مكان الخبر', source: 'المصدر', category: 'القسم', tags: 'الوسوم',
  authors: 'الكتّاب', featured: 'خبر مميز', breaking: 'عاجل', slug: 'الرابط المختصر', seoTitle: 'عنوان محركات البحث', seoDescription: 'وصف محركات البحث',
}

/** The core's field problems in the editor's words. */
const FIELD_WORDS: Record<string, (p: string) => string> = {
  title: (p) => (p === 'required' ? 'اكتب عنواناً للخبر.' : 'العنوان أطول من 300 حرف.'),
  category: () => 'اختر قسماً من القائمة.',
  body: () => 'لا يُنشر خبر بلا نص.',
  tags: (p) => (p.startsWith('more') ? 'الوسوم أكثر من 20.' : 'أحد الوسوم أطول من 100 حرف.'),
  authors: () => 'أحد الكتّاب غير موجود.',
  dateline: () => 'مكان الخبر أطول من 100 حرف.',
  source: () => 'المصدر أطول من 100 حرف.',
  seoTitle: () => 'عنوان محركات البحث أطول من 300 حرف.',
  seoDescription: () => 'وصف محركات البحث أطول من 500 حرف.',
  at: (p) => (p === 'must be in the future' ? 'اختر موعداً في المستقبل.' : 'اختر موعد النشر.'),
  publishedAt: () => 'اختر موعد النشر.',
}
const fieldErrors = (problems: Record<string, string>) =>
  Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, FIELD_WORDS[f]?.(p) ?? p]))

/** The editor's form as the use cases take it: tags split on Latin or Arabic commas. */
function inputFrom(form: z.output<typeof ArticleForm>): ArticleInput {
  return {
    title: form.title, dek: form.dek || null, body: form.body, category: form.category,
    tags: form.tags.split(/[,،]/).map((t) => t.trim()).filter(Boolean), authors: form.authors,
    dateline: form.dateline || null, source: form.source || null, featured: form.featured === '1', breaking: form.breaking === '1',
    slug: form.slug || null, seoTitle: form.seoTitle || null, seoDescription: form.seoDescription || null,
  }
}

/** A datetime-local value, read as the newsroom's time (Makkah, UTC+3, as the site's dates are shown). */
function scheduleTime(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined
  const at = parseIsoDate(`${value}:00+03:00`)
  return at instanceof Date ? at : undefined
}
const localValue = (at: Date | null) => (at ? new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 16) : '')

/** Dashboard, editor, workflow and preview. */
export function registerDeskRoutes(app: FastifyInstance, deps: DeskDeps): void {
  const inTx = <T,>(work: (d: { repos: Repos; clock: Clock }) => Promise<T>) => deps.store.transaction((tx) => work({ repos: tx, clock: deps.clock }))
  const editorOfOthers = (m: User) => can(m, 'article.view', { ownerId: -1, status: 'draft' })

  const row = (a: DeskArticle, at: Date): DeskRowVm => ({
    id: a.id, title: a.title, href: `/newsroom/articles/${a.id}`, status: a.status, statusLabel: STATUS_LABELS[a.status],
    desk: a.category.name, owner: a.ownerName, when: when(at), whenIso: at.toISOString(),
  })

  app.get('/newsroom', async (req, reply) => {
    const m = memberOf(req)
    const everyone = editorOfOthers(m) ? undefined : m.id
    const list = (statuses: ArticleStatus[], ownerId = everyone) => deps.store.articles.desk({ statuses, ownerId, offset: 0, limit: 10 })
    const [counts, drafts, review, scheduled, published] = await Promise.all([
      deps.store.articles.countByStatus(everyone), list(['draft'], m.id), list(['review']), list(['scheduled']), list(['published']),
    ])
    const pending = can(m, 'comments.moderate') ? (await deps.store.comments.countByStatus()).pending : null
    const vm = {
      newHref: '/newsroom/articles/new',
      pendingComments: pending === null ? null : { count: pending, href: '/newsroom/comments' },
      counts: (Object.keys(STATUS_LABELS) as ArticleStatus[]).map((s) => ({ status: s, label: STATUS_LABELS[s], count: counts[s] })),
      lists: [
        { id: 'my-drafts', title: 'مسوداتي', rows: drafts.map((a) => row(a, a.updatedAt)), empty: 'لا مسودات لك.' },
        { id: 'in-review', title: 'بانتظار المراجعة', rows: review.map((a) => row(a, a.updatedAt)), empty: 'لا أخبار بانتظار المراجعة.' },
        { id: 'scheduled', title: 'المجدولة', rows: scheduled.map((a) => row(a, a.publishedAt ?? a.updatedAt)), empty: 'لا أخبار مجدولة.' },
        { id: 'published', title: 'نُشر مؤخراً', rows: published.map((a) => row(a, a.publishedAt ?? a.updatedAt)), empty: 'لم يُنشر شيء بعد.' },
      ],
    }
    const notice = (req.query as Record<string, string>).done === 'delete' ? { kind: 'ok' as const, text: 'حُذف الخبر.' } : null
    return sendPage(reply, layoutFor(deps, req, 'لوحة التحرير', { notice }), <DashboardPage vm={vm} />)
  })

  /** The editor's page for a stored story (or a new one), with the member's values and errors when a save was refused. */
  async function showEditor(req: FastifyRequest, reply: FastifyReply, article: Article | null, opts: {
    input?: ArticleInput; scheduleAt?: string; errors?: Record<string, string>; status?: number; lockedBy?: string | null
  } = {}) {
    const m = memberOf(req)
    const input = opts.input
    const [categories, authors, datelines, sources, tagSuggestions] = await Promise.all([
      deps.store.categories.all(), deps.store.authors.all(), deps.store.articles.frequentValues('dateline', 50),
      deps.store.articles.frequentValues('source', 20),
      article ? suggestTags(deps.store, { title: article.title, dek: article.dek, bodyText: article.bodyText, tags: article.tags.map((t) => t.name) }) : [],
    ])
    const steps = article ? WORKFLOW_STEPS.filter((s) => canStep(s, article.status) && can(m, stepActionOf(s), accessOf(article))) : (['submit', 'publish', 'schedule'] as WorkflowStep[]).filter((s) => can(m, stepActionOf(s), { ownerId: m.id, status: 'draft' }))
    const canDelete = article ? can(m, 'article.delete', accessOf(article)) : false
    const chosenCategory = input?.category ?? article?.category.slug
    const chosenAuthors = new Set(input?.authors ?? article?.authors.map((w) => w.slug) ?? [])
    const vm: EditorVm = {
      id: article?.id ?? null,
      action: article ? `/newsroom/articles/${article.id}` : '/newsroom/articles',
      autosaveUrl: article ? `/newsroom/articles/${article.id}/autosave` : null,
      previewHref: article ? `/newsroom/articles/${article.id}/preview` : null,
      publicHref: article && (article.status === 'published' || article.status === 'scheduled') ? articlePath(article) : null,
      historyHref: article ? `/newsroom/articles/${article.id}/revisions` : null,
      status: article?.status ?? null,
      statusLabel: article ? STATUS_LABELS[article.status] : null,
      values: {
        title: input?.title ?? article?.title ?? '', dek: input?.dek ?? article?.dek ?? '', body: input?.body ?? article?.bodyHtml ?? '',
        dateline: input?.dateline ?? article?.dateline ?? '', source: input?.source ?? article?.source ?? '',
        tags: (input?.tags ?? article?.tags.map((t) => t.name) ?? []).join('، '), slug: input?.slug ?? article?.slug ?? '',
        seoTitle: input?.seoTitle ?? article?.seoTitle ?? '', seoDescription: input?.seoDescription ?? article?.seoDescription ?? '',
        featured: input?.featured ?? article?.featured ?? false, breaking: input?.breaking ?? article?.breaking ?? false,
        scheduleAt: opts.scheduleAt ?? (article?.status === 'scheduled' ? localValue(article.publishedAt) : ''),
      },
      categories: [
        ...(chosenCategory ? [] : [{ value: '', label: 'اختر القسم', selected: true }]),
        ...categories.map((c) => ({ value: c.slug, label: c.name, selected: c.slug === chosenCategory })),
      ],
      authors: authors.map((w) => ({ value: w.slug, label: w.name, selected: chosenAuthors.has(w.slug) })),
      datelines, sources: [...new Set([...sources, ...SOURCES])], tagSuggestions,
      actions: [
        { intent: 'save', label: ACTION_LABELS.save },
        ...steps.map((s) => ({ intent: s, label: ACTION_LABELS[s], primary: s === 'publish' || s === 'submit', danger: s === 'unpublish' })),
        ...(canDelete ? [{ intent: 'delete', label: ACTION_LABELS.delete, danger: true }] : []),
      ],
      errors: opts.errors ?? {},
      lockedBy: opts.lockedBy ?? null,
      notes: article ? (await deps.store.notes.listFor(article.id)).map((n) => ({ kind: n.kind, label: NOTE_LABELS[n.kind], text: n.text, when: when(n.createdAt) })) : [],
      canCorrect: article !== null && can(m, 'article.correct', accessOf(article)),
      comments: article && can(m, 'comments.moderate')
        ? Object.entries(await deps.store.comments.countByStatus(article.id)).map(([status, count]) => ({
          label: COMMENT_STATUS_LABELS[status as CommentStatus], count, href: `/newsroom/comments?status=${status}&article=${article.id}`,
        }))
        : null,
    }
    const done = (req.query as Record<string, string>).done
    const notice = opts.errors && Object.keys(opts.errors).length ? { kind: 'error' as const, text: 'لم يُحفظ الخبر: راجع الحقول المشار إليها.' }
      : done && DONE[done] ? { kind: 'ok' as const, text: DONE[done]! } : null
    const layout = layoutFor(deps, req, article ? `تحرير: ${article.title}` : 'خبر جديد', { notice, scripts: ['/assets/newsroom/editor.js'] })
    return sendPage(reply, layout, <EditorPage vm={vm} csrf={layout.csrf} />, opts.status ?? 200)
  }

  app.get('/newsroom/articles/new', async (req, reply) => {
    authorize(memberOf(req), 'article.create')
    return showEditor(req, reply, null)
  })

  app.get('/newsroom/articles/:id', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const article = await articleFor(deps.store, id)
    authorize(memberOf(req), 'article.view', accessOf(article))
    const lock = can(memberOf(req), 'article.edit', accessOf(article))
      ? await openForEditing({ locks: deps.store.locks, clock: deps.clock }, { articleId: id, userId: memberOf(req).id })
      : { heldBy: null }
    return showEditor(req, reply, article, { lockedBy: lock.heldBy })
  })

  app.post('/newsroom/articles/:id/lock', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    authorize(memberOf(req), 'article.edit', accessOf(await articleFor(deps.store, id)))
    await openForEditing({ locks: deps.store.locks, clock: deps.clock }, { articleId: id, userId: memberOf(req).id, takeOver: true })
    return reply.redirect(`/newsroom/articles/${id}`, 303)
  })

  /** Saves the form (creating the story when `id` is null), then takes the step it asked for, in one transaction. */
  async function save(req: FastifyRequest, reply: FastifyReply, id: number | null) {
    const m = memberOf(req)
    const form = parseValidated(ArticleForm, req.body ?? {})
    const input = inputFrom(form)
    if (form.intent === 'delete' && id !== null) {
      await inTx((d) => deleteArticle(d, m, id))
      return reply.redirect('/newsroom?done=delete', 303)
    }
    try {
      const stored = await inTx(async (d) => {
        const article = id === null ? await createArticle(d, m, input) : await editArticle(d, m, id, input)
        if (form.intent === 'save' || form.intent === 'delete') return article
        return moveArticle(d, m, article.id, form.intent, { at: scheduleTime(form.scheduleAt) })
      })
      return reply.redirect(`/newsroom/articles/${stored.id}?done=${id === null && form.intent === 'save' ? 'created' : form.intent}`, 303)
    } catch (e) {
      const article = id === null ? null : await articleFor(deps.store, id)
      const again = (errors: Record<string, string>, status: number) => showEditor(req, reply, article, { input, scheduleAt: form.scheduleAt, errors, status })
      if (e instanceof ValidationError) return again(fieldErrors(e.problems), 400)
      if (e instanceof InvalidStepError) return again({ form: `لا يمكن «${ACTION_LABELS[form.intent]}» لخبر حالته «${STATUS_LABELS[e.status as ArticleStatus]}».` }, 409)
      throw e
    }
  }

  app.post('/newsroom/articles', (req, reply) => save(req, reply, null))
  app.post('/newsroom/articles/:id', (req, reply) => save(req, reply, parseValidated(IdParams, req.params).id))

  // The editor's script saves the form as the writer types: the fields only, never a workflow step.
  app.post('/newsroom/articles/:id/autosave', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const input = inputFrom(parseValidated(ArticleForm, req.body ?? {}))
    const m = memberOf(req)
    const saved = await inTx((d) => editArticle(d, m, id, input, { autosave: true }))
    await deps.store.locks.take(id, m.id, deps.clock.now())
    return reply.header('cache-control', 'no-store').send({ savedAt: saved.updatedAt.toISOString() })
  })

  app.get('/newsroom/articles/:id/revisions', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const article = await articleFor(deps.store, id)
    authorize(memberOf(req), 'article.view', accessOf(article))
    const revisions = await deps.store.revisions.listFor(id)
    const chosen = Number((req.query as Record<string, string>).compare) || null
    const mayEdit = can(memberOf(req), 'article.edit', accessOf(article))
    let compare: RevisionsVm['compare'] = null
    const at = revisions.findIndex((r) => r.id === chosen)
    if (chosen !== null) {
      if (at < 0) throw new NotFoundError('revision', chosen)
      const [after, before] = await Promise.all([deps.store.revisions.get(revisions[at]!.id), revisions[at + 1] ? deps.store.revisions.get(revisions[at + 1]!.id) : null])
      const changes = before ? diffArticleSnapshots(before.snapshot, after!.snapshot) : []
      const names = await namesFor(changes)
      compare = {
        heading: `ما تغيّر في حفظ ${when(after!.createdAt)}${after!.editorName ? ` (${after!.editorName})` : ''}`,
        changes: changes.map((c) => ({ label: FIELD_LABELS[c.field], ...('parts' in c ? { parts: c.parts } : names(c)) })),
        restoreAction: mayEdit && at > 0 ? `/newsroom/articles/${id}/revisions/${after!.id}/restore` : null,
      }
    }
    const vm: RevisionsVm = {
      articleId: id, title: article.title, editHref: `/newsroom/articles/${id}`, compare,
      items: revisions.map((r, i) => ({
        id: r.id, editor: r.editorName ?? 'النظام', when: when(r.createdAt), whenIso: r.createdAt.toISOString(), note: revisionNote(r.note),
        compareHref: i < revisions.length - 1 ? `/newsroom/articles/${id}/revisions?compare=${r.id}` : null, current: i === 0, selected: r.id === chosen,
      })),
    }
    const layout = layoutFor(deps, req, `النسخ السابقة: ${article.title}`)
    return sendPage(reply, layout, <RevisionsPage vm={vm} csrf={layout.csrf} />)
  })

  /** Names of the desks, tags and bylines that changed, for a comparison readers of the history understand. */
  async function namesFor(changes: SnapshotChange[]) {
    const ids = (field: 'tags' | 'authors') => changes.flatMap((c) => (c.field === field ? [...c.before, ...c.after] : []))
    const [desks, tags, authors] = await Promise.all([deps.store.categories.all(), deps.store.tags.byIds(ids('tags')), deps.store.authors.byIds(ids('authors'))])
    const name = (list: Array<{ id: number; name: string }>, id: number) => list.find((x) => x.id === id)?.name ?? `#${id}`
    const yesNo = (b: boolean) => (b ? 'نعم' : 'لا')
    return (c: Exclude<SnapshotChange, { parts: unknown }>): { before: string; after: string } => {
      switch (c.field) {
        case 'category': return { before: name(desks, c.before), after: name(desks, c.after) }
        case 'tags': return { before: c.before.map((i) => name(tags, i)).join('، '), after: c.after.map((i) => name(tags, i)).join('، ') }
        case 'authors': return { before: c.before.map((i) => name(authors, i)).join('، '), after: c.after.map((i) => name(authors, i)).join('، ') }
        case 'featured': case 'breaking': return { before: yesNo(c.before), after: yesNo(c.after) }
        case 'slug': return { before: c.before, after: c.after }
      }
    }
  }

  app.post('/newsroom/articles/:id/revisions/:revision/restore', async (req, reply) => {
    const { id, revision } = parseValidated(RevisionParams, req.params)
    await inTx((d) => restoreRevision(d, memberOf(req), id, revision))
    return reply.redirect(`/newsroom/articles/${id}?done=restore`, 303)
  })

  app.post('/newsroom/articles/:id/notes', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const form = parseValidated(NoteForm, req.body ?? {})
    const article = await articleFor(deps.store, id)
    authorize(memberOf(req), 'article.correct', accessOf(article))
    try {
      await deps.store.transaction((tx) => addArticleNote(tx, deps.clock, { articleId: id, kind: form.kind, text: form.text, authorId: memberOf(req).id }))
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e
      return showEditor(req, reply, article, { errors: { text: 'اكتب نص الملاحظة (حتى 2000 حرف).' }, status: 400 })
    }
    return reply.redirect(`/newsroom/articles/${id}?done=note`, 303)
  })

  app.get('/newsroom/articles/:id/preview', async (req, reply) => {
    const { id } = parseValidated(IdParams, req.params)
    const article = await articleFor(deps.store, id)
    authorize(memberOf(req), 'article.view', accessOf(article))
    return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8').send(await deps.renderPreview(article))
  })
}
