# Palabre: one image runs the API, which also serves the built web app (one process, one port).
# Build: docker build -t palabre .   Run: see docker-compose.yml and docs/operations.md.

# ---- build: install everything, compile the libs, the API and the web app ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
# Manifests first, so the dependency layer is cached until the lock file changes.
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/domain/package.json libs/domain/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY scripts scripts
COPY libs libs
COPY apps apps
RUN node scripts/build.mjs --force \
 && npm prune --omit=dev --no-audit --no-fund \
 # COPY below fails on a missing path: make sure every workspace has a node_modules folder.
 && mkdir -p libs/contracts/node_modules libs/domain/node_modules apps/api/node_modules

# ---- runtime: production dependencies and build output only, as a non-root user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    SEED_DEMO=false
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/libs/contracts/package.json libs/contracts/package.json
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/contracts/node_modules libs/contracts/node_modules
COPY --from=build /app/libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
COPY --from=build /app/libs/domain/node_modules libs/domain/node_modules
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/api/node_modules apps/api/node_modules
# The API serves this folder (it looks for ../../web/dist from apps/api/dist).
COPY --from=build /app/apps/web/dist apps/web/dist
# DATA_DIR only holds generated secrets when TOKEN_SECRET is not given (and the embedded
# database when DATABASE_URL is not set, which is not how this image is meant to run).
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 (compose adds an init with `init: true`); SIGTERM closes sockets and the pool cleanly.
CMD ["node", "apps/api/dist/main.js"]
