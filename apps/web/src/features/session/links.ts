/** The address the QR code and the join link point to (same origin as the app). */
export function joinLink(code: string): string {
  return `${window.location.origin}/join/${encodeURIComponent(code)}`;
}

export function screenPath(code: string): string {
  return `/screen/${encodeURIComponent(code)}`;
}
