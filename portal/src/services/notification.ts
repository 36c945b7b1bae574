import { api } from '../api'
import { toQuery } from './workflow'

/** notification-service through the gateway (`/api/notification/**`). */
export const NOTIFICATION = '/api/notification'
export const INBOX_STREAM_URL = `${NOTIFICATION}/inbox/stream`

export interface InboxEntry {
  id: string
  caseId: string | null
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
  read: boolean
}

export interface InboxPage {
  items: InboxEntry[]
  page: number
  size: number
  total: number
  unread: number
}

export interface WebhookView {
  id: string
  url: string
  eventTypes: string[]
  createdAt: string
}

export interface WebhookCreated extends WebhookView {
  /** Shown this once. */
  secret: string
}

export interface DeliveryRecord {
  id: string
  eventId: string
  type: string
  status: 'SENDING' | 'DELIVERED' | 'FAILED' | 'DEAD'
  attempts: number
  lastError: string | null
  createdAt: string | null
  deliveredAt: string | null
  failedAt: string | null
  nextAttemptAt: string | null
}

const id = encodeURIComponent

export const notification = {
  inbox: (params: { unreadOnly?: boolean; page?: number; size?: number } = {}) =>
    api.get<InboxPage>(`${NOTIFICATION}/inbox${toQuery(params)}`),
  unreadCount: () => api.get<{ unread: number }>(`${NOTIFICATION}/inbox/unread-count`),
  markRead: (entryId: string) => api.post<InboxEntry>(`${NOTIFICATION}/inbox/${id(entryId)}/read`),
  markAllRead: () => api.post<{ marked: number }>(`${NOTIFICATION}/inbox/read-all`),
  webhooks: () => api.get<WebhookView[]>(`${NOTIFICATION}/webhooks`),
  subscribe: (body: { url: string; eventTypes: string[]; secret?: string }) =>
    api.post<WebhookCreated>(`${NOTIFICATION}/webhooks`, body),
  unsubscribe: (webhookId: string) => api.delete<void>(`${NOTIFICATION}/webhooks/${id(webhookId)}`),
  deliveries: (webhookId: string) => api.get<DeliveryRecord[]>(`${NOTIFICATION}/webhooks/${id(webhookId)}/deliveries`),
  redeliver: (webhookId: string, deliveryId: string) =>
    api.post<DeliveryRecord>(`${NOTIFICATION}/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`),
}
