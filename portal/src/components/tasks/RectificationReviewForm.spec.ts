import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import RectificationReviewForm from './RectificationReviewForm.vue'
import { mountWith, stubFetch } from '../../test-utils'
import type { TaskView } from '../../services/workflow'

const task: TaskView = {
  taskId: 'T-9',
  taskKey: 'Task_ReviewRectification',
  name: 'Review rectification',
  caseId: 'CASE-1',
  district: '440304',
  source: 'COMPLAINT',
  priority: 'NORMAL',
  enterpriseUscc: '914403040000DM001P',
  problemType: 'ODOUR',
  assignee: 'officer1',
  createdAt: '2026-12-01T00:00:00Z',
  dueAt: null,
  overdue: false,
}

describe('RectificationReviewForm', () => {
  it('refuses a rejection without a reason before calling the service', async () => {
    const fetchMock = stubFetch()
    const { wrapper } = await mountWith(RectificationReviewForm, { props: { task } })

    await wrapper.get('[data-testid="review-reject"] input').setValue(true)
    await wrapper.get('[data-testid="review-form"]').trigger('submit')
    await flushPromises()

    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('A rejection needs at least one reason.')
  })

  it('sends a rejection with its reasons', async () => {
    const fetchMock = stubFetch((url) => (url.endsWith('/rectification-review') ? new Response(null, { status: 204 }) : undefined))
    const { wrapper } = await mountWith(RectificationReviewForm, { props: { task } })

    await wrapper.get('[data-testid="review-reject"] input').setValue(true)
    await wrapper.get('[data-testid="review-reason-0"]').setValue('photo does not show the sealed tank')
    await wrapper.get('[data-testid="review-add-reason"]').trigger('click')
    await wrapper.get('[data-testid="review-reason-1"]').setValue('  ')
    await wrapper.get('[data-testid="review-form"]').trigger('submit')
    await flushPromises()

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/workflow/tasks/T-9/rectification-review')
    expect(JSON.parse(String(init.body))).toEqual({ accepted: false, reasons: ['photo does not show the sealed tank'] })
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('accepts, and shows a 409 from the service without leaving the form', async () => {
    stubFetch(() =>
      new Response(JSON.stringify({ title: 'Conflict', status: 409, detail: 'task T-9 is done' }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    )
    const { wrapper } = await mountWith(RectificationReviewForm, { props: { task } })

    await wrapper.get('[data-testid="review-accept"] input').setValue(true)
    await wrapper.get('[data-testid="review-form"]').trigger('submit')
    await flushPromises()

    expect(wrapper.emitted('done')).toBeUndefined()
    expect(wrapper.get('[data-testid="api-error"]').text()).toContain('Conflict: task T-9 is done')
    expect(wrapper.text()).toContain('Refresh the page')
  })
})
