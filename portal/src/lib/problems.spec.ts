import { describe, expect, it } from 'vitest'
import { ApiError } from '../api'
import { createAppI18n } from '../i18n'
import { describeError, errorKind } from './problems'

const zh = createAppI18n('zh-CN').global.t as unknown as (key: string, named?: Record<string, unknown>) => string
const en = createAppI18n('en').global.t as unknown as (key: string, named?: Record<string, unknown>) => string

describe('describeError', () => {
  it('maps 403 to "not allowed" with the server title and detail and what to do next', () => {
    const error = new ApiError(403, {
      title: 'Forbidden',
      status: 403,
      detail: 'officers report clues for their own district 440304; a supervisor dispatches to other districts',
    })

    const message = describeError(error, en)

    expect(message.kind).toBe('forbidden')
    expect(message.title).toBe('Not allowed (403)')
    expect(message.serverMessage).toBe(
      'Forbidden: officers report clues for their own district 440304; a supervisor dispatches to other districts',
    )
    expect(message.hint).toContain('ask your supervisor or administrator')
  })

  it('maps 404 to "not found" and says it may be outside the data scope', () => {
    const message = describeError(new ApiError(404, { title: 'Not Found', detail: 'no case CASE-1 for you' }), zh)

    expect(message.title).toBe('未找到（404）')
    expect(message.serverMessage).toBe('Not Found: no case CASE-1 for you')
    expect(message.detail).toContain('不在您的数据范围内')
    expect(message.hint).toContain('核对编号')
  })

  it('explains a network failure without a server message', () => {
    const message = describeError(new ApiError(0, null), en)

    expect(message.kind).toBe('network')
    expect(message.title).toBe('The server cannot be reached')
    expect(message.serverMessage).toBe('')
    expect(message.detail).toContain('network may be down')
    expect(message.hint).toContain('Retry')
  })

  it('lists invalid fields of a 400 and keeps the trace id', () => {
    const message = describeError(
      new ApiError(400, {
        title: 'Bad Request',
        detail: 'description: must not be blank',
        errors: [{ field: 'description', message: 'must not be blank' }, { nonsense: true }],
        traceId: 'abc123',
      }),
      en,
    )

    expect(message.fieldErrors).toEqual([{ field: 'description', message: 'must not be blank' }])
    expect(message.traceId).toBe('abc123')
    expect(message.hint).toBe('Correct what is described above and submit again.')
  })

  it('names the status of a server error and treats non-ApiErrors as network-like failures', () => {
    expect(describeError(new ApiError(503, null), en).title).toBe('Server error (HTTP 503)')
    expect(describeError(new Error('boom'), en).kind).toBe('network')
  })

  it('classifies statuses', () => {
    expect([0, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 418].map(errorKind)).toEqual([
      'network',
      'badRequest',
      'unauthorized',
      'forbidden',
      'notFound',
      'conflict',
      'tooLarge',
      'unsupported',
      'unprocessable',
      'rateLimited',
      'server',
      'server',
      'other',
    ])
  })
})
