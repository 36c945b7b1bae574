import { describe, expect, it } from 'vitest'
import ApiErrorAlert from './ApiErrorAlert.vue'
import { ApiError } from '../api'
import { mountWith } from '../test-utils'

describe('ApiErrorAlert', () => {
  it('shows a 403 readably: our heading, the server title and detail, and what to do next', async () => {
    const error = new ApiError(403, { title: 'Forbidden', detail: 'district 440305 is not in your city 440300' })
    const { wrapper } = await mountWith(ApiErrorAlert, { props: { error }, locale: 'zh-CN' })

    const alert = wrapper.get('[role="alert"]')
    expect(alert.attributes('data-status')).toBe('403')
    expect(alert.text()).toContain('没有权限（403）')
    expect(alert.text()).toContain('Forbidden: district 440305 is not in your city 440300')
    expect(alert.text()).toContain('请联系执法队长或系统管理员')
  })

  it('shows a 404 without a body with our own explanation', async () => {
    const { wrapper } = await mountWith(ApiErrorAlert, { props: { error: new ApiError(404, null) } })
    expect(wrapper.text()).toContain('Not found (404)')
    expect(wrapper.text()).toContain('outside your data scope')
  })

  it('offers a retry for a network failure', async () => {
    const { wrapper } = await mountWith(ApiErrorAlert, { props: { error: new ApiError(0, null), retry: true } })
    expect(wrapper.text()).toContain('The server cannot be reached')
    await wrapper.get('[data-testid="error-retry"]').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('lists the fields a 400 refused', async () => {
    const error = new ApiError(400, { title: 'Bad Request', errors: [{ field: 'findings', message: 'must not be blank' }] })
    const { wrapper } = await mountWith(ApiErrorAlert, { props: { error } })
    expect(wrapper.get('.api-error__fields').text()).toBe('findings must not be blank')
  })
})
