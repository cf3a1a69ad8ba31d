/** Validate a bridge call and run its handler, returning an envelope: bad input or a failure never throws. */
import { describeZodError } from '../../../shared/article'
import { API_METHODS, BRIDGE, type ApiError, type ApiMethod, type Envelope, type NewsdeskApi } from '../../../shared/contract'
import { NotFoundError, StoreLockedError, ValidationError } from '../errors'

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name)
}

export function toApiError(err: unknown): ApiError {
  const message = err instanceof Error ? err.message : String(err)
  if (err instanceof ValidationError) return { code: 'invalid-input', message }
  if (err instanceof NotFoundError) return { code: 'not-found', message }
  if (err instanceof StoreLockedError) return { code: 'locked', message }
  return { code: 'failed', message }
}

export async function dispatch(api: NewsdeskApi, method: string, args: unknown): Promise<Envelope<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'invalid-input', message: `Unknown method ${method}` } }
  const parsed = BRIDGE[method].input.safeParse(args)
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: `${method}: ${describeZodError(parsed.error)}` } }
  }
  try {
    const handler = api[method] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await handler(...(parsed.data as unknown[])) }
  } catch (err) {
    return { ok: false, error: toApiError(err) }
  }
}
