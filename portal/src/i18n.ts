import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN.json'
import en from './locales/en.json'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'inspectflow.locale'

export type MessageSchema = typeof zhCN

export function isSupportedLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** The saved choice, or zh-CN (the product's default, independent of the browser language). */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null = safeStorage()): AppLocale {
  const saved = storage?.getItem(LOCALE_STORAGE_KEY)
  return isSupportedLocale(saved) ? saved : DEFAULT_LOCALE
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': zhCN, en },
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Remembers the user's choice in localStorage. */
export function persistLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // storage unavailable (private mode): the choice just isn't remembered
  }
}

/** Keeps `<html lang>` and the document title in line with the UI language. */
export function syncDocument(locale: string, title: string): void {
  document.documentElement.lang = locale
  document.title = title
}
