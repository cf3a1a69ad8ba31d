/** zod schemas for the arguments of every bridge method; main validates each call with them. */
import { z } from 'zod'
import { ArticlePatchSchema, STATUSES } from './article'
import type { ApiMethod } from './contract'
import { RendererSettingsPatchSchema } from './settings'

const id = z.uuid({ message: 'id must be an article id (uuid)' })

export const ListQuerySchema = z
  .object({
    query: z.string().max(1000).optional(),
    category: z.string().max(200).optional(),
    tag: z.string().max(200).optional(),
    status: z.enum(STATUSES).optional(),
    sort: z.enum(['updated', 'title']).optional(),
    trash: z.boolean().optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).max(100_000).optional()
  })
  .strict()

const ExportFormatSchema = z.enum(['html', 'md', 'ninjs'])
const ExportChoicesSchema = z.object({ remoteImages: z.enum(['omit', 'keep']).optional() }).strict().optional()

export const apiInputs = {
  appInfo: z.tuple([]),
  list: z.tuple([ListQuerySchema]),
  get: z.tuple([id]),
  create: z.tuple([ArticlePatchSchema.strict()]),
  save: z.tuple([id, ArticlePatchSchema.strict()]),
  delete: z.tuple([id]),
  restore: z.tuple([id]),
  emptyTrash: z.tuple([]),
  revisions: z.tuple([id]),
  restoreRevision: z.tuple([id, z.string().regex(/^\d{8}T\d{9}Z(-\d+)?$/, 'revision id is malformed')]),
  stats: z.tuple([]),
  suggestions: z.tuple([]),
  settings: z.tuple([]),
  // the drafts folder is chosen only through main's folder dialog: a renderer cannot point the sync anywhere
  updateSettings: z.tuple([RendererSettingsPatchSchema]),
  problems: z.tuple([]),
  exportArticle: z.tuple([id, ExportFormatSchema, ExportChoicesSchema]),
  exportBatch: z.tuple([z.object({ ids: z.array(id).max(100_000).optional(), query: ListQuerySchema.optional() }).strict(), ExportFormatSchema, ExportChoicesSchema]),
  syncStatus: z.tuple([]),
  syncNow: z.tuple([]),
  chooseDraftsFolder: z.tuple([]),
  stopSync: z.tuple([]),
  resolveConflict: z.tuple([id, z.enum(['app', 'file', 'both'])]),
  quitReady: z.tuple([z.boolean()])
} satisfies Record<ApiMethod, z.ZodTuple>
