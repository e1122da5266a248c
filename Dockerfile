# Relais as a container, for a town that hosts it beside its own PostgreSQL (compose.yaml).
# On a single machine the two commands of the README (embedded PostgreSQL) stay the default.
#
#   docker build -t relais .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e PUBLIC_URL=https://relais.ville.fr relais
#
# Stage 1 builds the web app and the compiled server (dist/); stage 2 keeps the runtime only.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild argon2
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
# Chromium prints the diagnostic reports to PDF (CHROMIUM_PATH); without it reports stay HTML.
ARG WITH_CHROMIUM=true
RUN if [ "$WITH_CHROMIUM" = "true" ]; then \
      apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data \
    SEED_DEMO=false \
    WORKERS=true
# What the server reads at run time: the compiled code, its dependencies, the rules and
# migrations, the web build. src/ too: bin/relais.js compares it with dist/ (never runs stale code).
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/rules ./rules
COPY --from=build /app/db ./db
COPY --from=build /app/src ./src
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server/main.js", "serve"]
