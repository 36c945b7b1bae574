import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import InspectionRecordForm from './InspectionRecordForm.vue'
import { json, mountWith, stubFetch } from '../../test-utils'
import type { TaskView } from '../../services/workflow'

const task: TaskView = {
  taskId: 'T-1',
  taskKey: 'Task_InspectOnSite',
  name: 'Inspect on site',
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

describe('InspectionRecordForm', () => {
  it('asks for a finding and what was found before sending anything', async () => {
    const fetchMock = stubFetch()
    const { wrapper } = await mountWith(InspectionRecordForm, { props: { task } })

    await wrapper.get('[data-testid="inspection-form"]').trigger('submit')
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 150)) // Element Plus shows field errors after a short debounce

    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Choose a finding.')
    expect(wrapper.find('[data-testid="inspection-finding-NEEDS_SITE_VISIT"]').exists()).toBe(false)
  })

  it('records a confirmed minor violation with the legal basis and location', async () => {
    const fetchMock = stubFetch((url) => (url.endsWith('/verification') ? json({ taskId: 'T-1', recordId: 'R-1' }) : undefined))
    const { wrapper } = await mountWith(InspectionRecordForm, { props: { task } })

    await wrapper.get('[data-testid="inspection-finding-VIOLATION_CONFIRMED"] input').setValue(true)
    await wrapper.get('[data-testid="inspection-findings"]').setValue('solvent drums stored open')
    const vm = wrapper.findComponent({ name: 'ElSelect' })
    vm.vm.$emit('update:modelValue', 'VOC_STORAGE_UNSEALED')
    await wrapper.get('[data-testid="inspection-legal-basis"]').setValue('《大气污染防治法》第一百零八条')
    await wrapper.get('[data-testid="inspection-latitude"]').setValue('22.54')
    await wrapper.get('[data-testid="inspection-longitude"]').setValue('114.05')
    await wrapper.get('[data-testid="inspection-form"]').trigger('submit')
    await flushPromises()

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/workflow/tasks/T-1/verification')
    expect(JSON.parse(String(init.body))).toEqual({
      finding: 'VIOLATION_CONFIRMED',
      findings: 'solvent drums stored open',
      evidenceIds: [],
      location: { latitude: 22.54, longitude: 114.05 },
      violationType: 'VOC_STORAGE_UNSEALED',
      legalBasis: '《大气污染防治法》第一百零八条',
      severity: 'MINOR',
    })
    expect(wrapper.emitted('done')).toHaveLength(1)
  })
})
