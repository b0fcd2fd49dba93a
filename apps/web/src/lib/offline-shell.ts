/**
 * Registers the service worker built into dist/sw.js (vite.config.ts), once the page has loaded
 * so that its precaching never competes with the first download. Production builds only: the dev
 * server's modules are not what it caches.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
