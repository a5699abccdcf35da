"""The schema's side of core.api's error shape: drf-standardized-errors' AutoSchema, documenting every status
an operation can answer with the Thai-first error body (docs/api.md, "Errors").

It adds, per operation, what the library decides (400 for a body or its validation, 401 with
`WWW-Authenticate: Token`, 403 unless signing in is all it asks, 404 with a path parameter, 405, 406, 415 for
a body, 500) with our components; a view adds what only it answers (409, 413, 503, 507) with `refusal()`.
"""

from __future__ import annotations

import re

from django.utils import translation
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from drf_standardized_errors.openapi import AutoSchema as StandardizedAutoSchema
from drf_standardized_errors.openapi_utils import get_flat_serializer_fields, get_serializer_fields_with_error_codes
from drf_standardized_errors.settings import package_settings
from inflection import camelize
from rest_framework import exceptions, serializers

from core.i18n import _

BODY = ("POST", "PUT", "PATCH")
ERROR_CODES = {
    "401": ["not_authenticated", "authentication_failed"],
    "403": ["permission_denied", "csrf_failed"],
    "404": ["not_found"],
    "405": ["method_not_allowed"],
    "406": ["not_acceptable"],
    "409": ["stale_version", "year_frozen", "upload_refused"],
    "413": ["too_large", "upload_refused"],
    "415": ["unsupported_media_type"],
    "500": ["error"],
    "503": ["upload_refused", "unavailable"],
    "507": ["upload_refused"],
}


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="stable, for programs: DRF's error code or the portal's refusal code")
    detail = serializers.CharField(help_text=_('English"'))
    th = serializers.CharField(help_text=_("the Thai message"))
    en = serializers.CharField(help_text="the English message")
    attr = serializers.CharField(
        allow_null=True, help_text="the request field (dotted when nested: facts.0.province); null: the whole request"
    )
    row = serializers.IntegerField(
        required=False, min_value=1, help_text="an import's refused row (the first item of the list is row 1)"
    )

    class Meta:
        ref_name = "Error"


def _response(name: str, types: list[str], item=ErrorSerializer, doc: str = "") -> type[serializers.Serializer]:
    class Response(serializers.Serializer):
        type = serializers.ChoiceField(choices=[(t, t) for t in types])
        errors = item(many=True, help_text=doc)

        class Meta:
            ref_name = name

    return Response


RESPONSES = {
    status: _response(
        f"ErrorResponse{status}",
        ["server_error"] if status.startswith("5") else ["client_error"],
        doc="codes: " + ", ".join(codes),
    )
    for status, codes in ERROR_CODES.items()
}
# A refusal of an operation without a body (withdrawing a nominee: no_nominee, nominations_closed):
# declared with refusal(400, …); an operation with a body gets its own 400 (AutoSchema._bad_request).
RESPONSES["400"] = _response(
    "ErrorResponse400", ["client_error", "validation_error"], doc="the refusal's code says why, Thai first"
)


def refusal(status: int, description: str) -> OpenApiResponse:
    """A status only this operation answers, in the shared error shape: `responses={409: refusal(409, …)}`."""
    return OpenApiResponse(RESPONSES[str(status)], description=description)


def _attr_pattern(fields) -> str:
    """The fields a 400 may name, list positions as numbers: facts.INDEX.unit -> facts\\.[0-9]+\\.province."""
    from .api import field_of  # core.api imports DRF's settings, which import this schema class

    index = re.escape(package_settings.LIST_INDEX_IN_API_SCHEMA)
    names = sorted({re.escape(found).replace(index, "[0-9]+") for found in map(field_of, fields) if found})
    return "^(?:" + "|".join(names) + ")$"


class AutoSchema(StandardizedAutoSchema):
    def _should_add_parse_error_response(self) -> bool:
        return self.method in BODY and super()._should_add_parse_error_response()

    def _should_add_http415_error_response(self) -> bool:
        return self.method in BODY and super()._should_add_http415_error_response()

    def _determine_fields_with_error_codes(self):
        request = self.get_request_serializer() if self.method in BODY else None
        if isinstance(request, dict):  # {"multipart/form-data": Serializer}: the library expects one serializer
            return get_serializer_fields_with_error_codes(get_flat_serializer_fields(next(iter(request.values()))))
        return super()._determine_fields_with_error_codes()

    def _get_error_response_serializer(self, status_code: str):
        if status_code == "400":
            return self._bad_request()
        return RESPONSES.get(status_code)

    def _bad_request(self):
        """This operation's 400: its own fields in `attr`, their codes documented beside it."""
        codes = self._get_validation_error_codes_by_field(self._determine_fields_with_error_codes())
        listed = "; ".join(f"{name}: {', '.join(sorted(found))}" for name, found in sorted(codes.items()) if found)
        name = camelize(self.get_operation_id())

        class BadRequestError(ErrorSerializer):
            attr = serializers.RegexField(
                _attr_pattern(codes),
                allow_null=True,
                help_text="the request field, or null: " + (listed or "no fields"),
            )

            class Meta:
                ref_name = f"{name}Error400"

        return _response(f"{name}ErrorResponse400", ["validation_error", "client_error"], BadRequestError)

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if str(status_code) == "401":
            headers["WWW-Authenticate"] = {
                "schema": {"type": "string", "enum": ["Token"]},
                "description": "send `Authorization: Token <token>` (a token from the admin)",
            }
        return headers

    def _get_error_response_examples(self) -> list[OpenApiExample]:
        from .api import body, item  # core.api imports DRF's settings, which import this schema class

        found = []
        for make in EXAMPLES:
            status = str(make().status_code)
            if status not in self._get_allowed_error_status_codes():
                continue
            texts = []
            for language in ("th", "en"):
                with translation.override(language):
                    texts.append(str(make().detail))
            exc = make()
            kind = "client_error" if exc.status_code < 500 else "server_error"
            value = body(kind, [item(exc.get_codes(), *texts)])
            found.append(OpenApiExample(type(exc).__name__, value=value, response_only=True, status_codes=[status]))
        return found


EXAMPLES = (
    exceptions.NotAuthenticated,
    exceptions.PermissionDenied,
    exceptions.NotFound,
    lambda: exceptions.MethodNotAllowed("PUT"),
    exceptions.NotAcceptable,
    lambda: exceptions.UnsupportedMediaType("text/plain"),
    exceptions.APIException,
)
