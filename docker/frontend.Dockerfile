# Frontend image: builds the Vite app, then nginx serves it and proxies /api/ and /static/ to the backend (web:8000).
# Build context is the repository root: docker build -f docker/frontend.Dockerfile .

FROM node:20 AS build
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    CI=true
WORKDIR /app/frontend
# The lock first, so a code change does not reinstall the dependencies.
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
RUN npm run build

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/frontend/dist/ /usr/share/nginx/html/
EXPOSE 80
