# BioSync as a container: Next's standalone output, completed by scripts/standalone.mjs, served by
# its server.mjs (scripts/standalone-server.mjs). CI starts the same folder against Postgres and
# checks /api/readyz (scripts/standalone-check.mjs); the image itself is not built in CI.
#   docker build -t biosync .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e AUTH_SECRET=… -e TOKEN_ENCRYPTION_KEYS=… biosync
# The Node major CI tests on.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npx next build && node scripts/standalone.mjs

FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /src/.next/standalone ./
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.mjs"]
