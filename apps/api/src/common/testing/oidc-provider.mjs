// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the directory
// sign-in tests. Started as a child process (the package is ESM-only); prints its issuer URL.
// Usage: node oidc-provider.mjs '<json: { redirectUri, clientId, clientSecret, accounts }>'
// accounts: { [login]: { email, name, groups } }. The built-in development login form accepts
// any password for a known login.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2]);
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: [options.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['palabre-test-provider-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = options.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
  },
});
// The development interactions log a warning on every start; the test does not need it.
provider.on('server_error', (_ctx, error) => console.error(error));
server.on('request', provider.callback());
console.log(JSON.stringify({ issuer }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
