"""/api/v1/schema/: the OpenAPI schema, drawn once a process for each language and API version."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response
from rest_framework.settings import api_settings


class SchemaView(SpectacularAPIView):
    """The schema is made from the code alone and is public (SERVE_PUBLIC: the same for every signed-in reader), so
    it is drawn at its first request in a language and version and served as drawn after: drawing it took about
    0.3 s of every request for it. Its words are the request's language (Thai first; `?lang=en`). Only the portal's
    languages and versions are kept: `?lang=` and `?version=` take any text, and each would keep a schema more."""

    drawn: ClassVar[dict[tuple[str, str | None], dict[str, Any]]] = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version)
        schema = self.drawn.get(key)
        if schema is None:
            generator = self.generator_class(urlconf=self.urlconf, api_version=version, patterns=self.patterns)
            schema = generator.get_schema(request=request, public=self.serve_public)
            versions = (None, *(api_settings.ALLOWED_VERSIONS or ()))
            if key[0] in dict(settings.LANGUAGES) and version in versions:
                self.drawn[key] = schema
        filename = self._get_filename(request, version)
        return Response(data=schema, headers={"Content-Disposition": f'inline; filename="{filename}"'})
