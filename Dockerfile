# Talk Graph: a replica serving a graph snapshot built during the image build.
# Build:  docker build -t talk-graph .   (the snapshot is made from data/: put other posts there to serve them)
# Run:    docker run -p 4000:4000 talk-graph
# No Docker engine in CI: scripts/container-dry-run.ts performs these same steps (it reads this
# file) into a temporary folder and starts the result; test/container-dry-run.test.ts runs it.

# 1. Runtime dependencies only (Node 24 runs the TypeScript sources as they are; no build step).
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 2. The snapshot: ingest the posts once, here, instead of in every replica at start.
FROM deps AS snapshot
COPY tsconfig.json ./
COPY src ./src
COPY data ./data
RUN node src/snapshot-cli.ts --data data --out graph.snap

# 3. The dashboard served at /: built with the dev dependencies (Vite, codegen), only its output is kept.
FROM node:24-slim AS dashboard
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY schema.graphql ./
COPY web ./web
RUN npm run web:build

# 4. What runs: the same sources (the snapshot checks they are the code that wrote it), the snapshot.
FROM node:24-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 SHUTDOWN_DELAY_MS=5000
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY data ./data
COPY --from=snapshot /app/graph.snap ./graph.snap
COPY --from=dashboard /app/web/dist ./web/dist
# Node's compile cache (type-stripped and compiled modules), filled here by loading every module once
# (--help exits after the imports): a replica then starts without compiling its ~600 modules again.
ENV NODE_COMPILE_CACHE=.node-compile-cache
RUN node src/main.ts --help > /dev/null
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--expose-gc", "src/main.ts", "--snapshot", "graph.snap"]
