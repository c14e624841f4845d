# One image recipe for both apps (they share every library): docker build --build-arg APP=clean-api .
# Build stage: dev dependencies and tsc. Runtime stage: production dependencies and dist only,
# as the unprivileged `node` user. The embedded PostgreSQL binaries (optional) are left out.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --omit=optional
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev --omit=optional

FROM node:20-bookworm-slim
ARG APP=clean-api
ENV NODE_ENV=production APP=${APP}
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs ./dist/libs
COPY libs/console/public ./libs/console/public
USER node
HEALTHCHECK --interval=5s --timeout=3s --retries=20 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8001) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
