# The API in production mode. Stage 1 installs everything and compiles src/ to
# dist/; stage 2 installs the production dependencies only, takes dist/ and runs
# it as the unprivileged `node` user. Settings come from the environment
# (docker-compose.yml passes .env); see .env.example.
FROM node:22.23.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run build

FROM node:22.23.3-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
# Production dependencies only; no install scripts: the compiled Prisma client is in dist/.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY scripts/run.mjs scripts/build.mjs ./scripts/
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `docker compose run --rm api npm run db:migrate` (or db:seed, api-key) uses the same image.
CMD ["node", "--max-old-space-size=192", "dist/main.js"]
