import type { GeoPoint } from '../services/workflow'

/** Both coordinates empty → null; both valid WGS 84 degrees → the point; anything else → 'invalid'. */
export function parseLocation(latitude: string, longitude: string): GeoPoint | null | 'invalid' {
  const lat = latitude.trim()
  const lon = longitude.trim()
  if (!lat && !lon) return null
  if (!lat || !lon) return 'invalid'
  const la = Number(lat)
  const lo = Number(lon)
  if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) return 'invalid'
  return { latitude: la, longitude: lo }
}
