import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import TasksView from './TasksView.vue'
import { json, mountWith, stubFetch } from '../../test-utils'

function task(id: string, dueAt: string | null, assignee: string | null = null) {
  return {
    taskId: id,
    taskKey: 'Task_InspectOnSite',
    name: 'Inspect on site',
    caseId: `CASE-2026-00000${id}`,
    district: '440304',
    source: 'COMPLAINT',
    priority: 'HIGH',
    enterpriseUscc: '914403040000DM001P',
    problemType: 'ODOUR',
    assignee,
    createdAt: '2026-12-01T00:00:00Z',
    dueAt,
    overdue: false,
  }
}

describe('TasksView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-07T02:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('lists the tasks with overdue and due-soon highlighted', async () => {
    stubFetch((url) =>
      url.startsWith('/api/workflow/tasks?')
        ? json({ items: [task('1', '2026-12-06T00:00:00Z'), task('2', '2026-12-08T00:00:00Z', 'officer1'), task('3', '2026-12-20T00:00:00Z')], page: 0, size: 20, total: 3 })
        : undefined,
    )
    const { wrapper } = await mountWith(TasksView)
    await flushPromises()

    const items = wrapper.findAll('[data-testid="task-item"]')
    expect(items.map((i) => i.classes().find((c) => c.startsWith('task-card--')))).toEqual([
      'task-card--overdue',
      'task-card--due-soon',
      'task-card--ok',
    ])
    expect(items[0].text()).toContain('Overdue')
    expect(items[0].text()).toContain('On-site inspection')
    expect(items[0].text()).toContain('Complaint / 12369')
    expect(items[1].text()).toContain('Yours')
    expect(items[0].find('[data-testid="task-claim"]').exists()).toBe(true)
    expect(items[1].find('[data-testid="task-claim"]').exists()).toBe(false)
  })

  it('asks the service again with the chosen scope', async () => {
    const fetchMock = stubFetch((url) => (url.startsWith('/api/workflow/tasks?') ? json({ items: [], page: 0, size: 20, total: 0 }) : undefined))
    const { wrapper } = await mountWith(TasksView)
    await flushPromises()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/workflow/tasks?scope=all&page=0&size=20')
    expect(wrapper.text()).toContain('No tasks match.')

    await wrapper.get('[data-testid="tasks-scope"] input[value="mine"]').setValue(true)
    await flushPromises()

    expect(fetchMock.mock.calls.at(-1)![0]).toBe('/api/workflow/tasks?scope=mine&page=0&size=20')
  })

  it('explains a 403 from the service', async () => {
    stubFetch(() =>
      json({ title: 'Forbidden', status: 403, detail: 'your account has no district' }, 403, 'application/problem+json'),
    )
    const { wrapper } = await mountWith(TasksView)
    await flushPromises()

    expect(wrapper.get('[data-testid="api-error"]').text()).toContain('Forbidden: your account has no district')
  })
})
