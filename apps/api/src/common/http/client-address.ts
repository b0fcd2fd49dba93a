import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * The client's address, as TRUST_PROXY allows: X-Forwarded-For is read only while the peer
 * (and each hop before it) is a trusted proxy, otherwise the TCP peer's address is the answer.
 * Express's `req.ip` follows the same list through the same library (bootstrap sets `trust proxy`);
 * this is the live socket's copy, for the handshake request.
 */
export function clientAddressReader(trustProxy: string[]): (req: IncomingMessage) => string {
  const trust = proxyaddr.compile(trustProxy);
  return (req) => proxyaddr(req, trust);
}
