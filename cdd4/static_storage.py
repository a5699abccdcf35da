"""Production's static files: whitenoise's compressed manifest storage, except that a page naming a file the
manifest lacks still renders.

Django's manifest storage raises ValueError from `{% static %}` when a name is missing from staticfiles.json,
and every page using it answers 500 (a criterion page without tus-js-client did). Here the page gets the
unhashed address instead, which 404s for that one file: the upload page then sends each file in one request
(static/js/upload.js without tus). Nothing is logged: whitenoise asks for the unhashed name of every collected
file at start-up and expects most to be missing (84 lines a process). The build names a missing page asset
instead (deploy/check_manifest.py), and collectstatic still fails on a file that references a missing one
(a CSS url(), a sourceMappingURL).
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ForgivingManifestStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
