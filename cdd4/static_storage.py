"""Production's static files: whitenoise's compressed manifest storage, except that a page naming a file the
manifest lacks still renders.

Django's manifest storage raises ValueError from `{% static %}` when a name is missing from staticfiles.json,
and every page using it answers 500 (a criterion page without tus-js-client did). Here the page gets the
unhashed address instead, which 404s for that one file: the upload page then sends each file in one request
(static/js/upload.js without tus). The error is logged for the operators. collectstatic is unchanged: a file
that references a missing one (a CSS url(), a sourceMappingURL) still fails the build (deploy/build-app.sh).
"""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            logger.error("static file %r is not in the manifest: served unhashed (run deploy/build-app.sh)", name)
            return name
