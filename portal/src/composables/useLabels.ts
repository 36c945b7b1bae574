import { useI18n } from 'vue-i18n'

/**
 * Names for the codes the services send (statuses, sources, task keys …): the translation when the portal has one,
 * else the code itself, so a code added to a service later still shows something readable.
 */
export function useLabels() {
  const { t, te } = useI18n()
  function label(group: string, code: string | null | undefined): string {
    if (!code) return ''
    const key = `${group}.${code}`
    return te(key) ? t(key) : code
  }
  return { label }
}
