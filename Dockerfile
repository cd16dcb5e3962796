# One image for the five apps; APP picks which one runs (gateway, users-rooms, chat, livechat, integrations).
#   docker build --build-arg APP=chat -t rocketchat-nest-chat .
#   docker run -e APP=chat ... rocketchat-nest        (the environment wins over the build arg)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ARG APP=gateway
ENV APP=${APP} \
    NODE_ENV=production \
    PORT=3000 \
    HEALTH_PORT=3001
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# gateway: HTTP API and health on PORT; services: health on HEALTH_PORT.
EXPOSE 3000 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const p=process.env.APP==='gateway'?process.env.PORT:process.env.HEALTH_PORT;require('http').get('http://127.0.0.1:'+p+'/health/ready',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]
# exec: node is PID 1 and receives SIGTERM directly (graceful shutdown).
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
