# The runtime: Python, the pinned packages, and the system libraries the portal uses at run time.
FROM python:3.11-slim-bookworm AS runtime
# WeasyPrint needs Pango; fonts for Thai documents ship in static/fonts. pg_dump/pg_restore (15, as the db
# service) for `manage.py backup` and `restore`.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg libpango-1.0-0 libpangoft2-1.0-0 \
    postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
ENV DJANGO_ENV=production CDD4_VAR_DIR=/var/lib/cdd4

# The application is made by deploy/build-app.sh, the script tests/processes/deploy/test_build_app.py runs on a
# clean copy of the tree: tus-js-client from assets/package-lock.json (npm ci), the .mo files (msgfmt), and the static files
# collected in production mode. npm and gettext stay in this stage.
FROM runtime AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm gettext \
    && rm -rf /var/lib/apt/lists/*
COPY . .
RUN deploy/build-app.sh

FROM runtime
COPY . .
COPY --from=build /app/static/vendor static/vendor
COPY --from=build /app/locale locale
COPY --from=build /var/lib/cdd4/staticfiles /var/lib/cdd4/staticfiles
# Named volumes (media, static) are seeded from these directories, owned by the unprivileged user.
RUN mkdir -p /var/lib/cdd4/media /var/lib/cdd4/metrics /backups && chown -R nobody:nogroup /var/lib/cdd4 /backups
USER nobody
