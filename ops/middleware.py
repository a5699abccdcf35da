import time

from .metrics import REQUEST_SECONDS


class RequestMetricsMiddleware:
    """Request latency by view name (the URL pattern's name, never the raw path: bounded labels)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        view = match.view_name if match else "unmatched"
        REQUEST_SECONDS.labels(view, request.method).observe(time.perf_counter() - started)
        return response
