# The browser's tus client (resumable uploads), from npm at build time, pinned by assets/package-lock.json.
FROM node:20-bookworm-slim AS assets
WORKDIR /assets
COPY assets/package.json assets/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
# WeasyPrint needs Pango; fonts for Thai documents ship in static/fonts. pg_dump/pg_restore (15, as the db
# service) for `manage.py backup` and `restore`.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg libpango-1.0-0 libpangoft2-1.0-0 \
    postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=assets /assets/node_modules/tus-js-client/dist/tus.min.js static/vendor/tus/tus.min.js
ENV DJANGO_ENV=production CDD4_VAR_DIR=/var/lib/cdd4
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput
# Named volumes (media, static) are seeded from these directories, owned by the unprivileged user.
RUN mkdir -p /var/lib/cdd4/media /var/lib/cdd4/metrics /backups && chown -R nobody:nogroup /var/lib/cdd4 /backups
USER nobody
