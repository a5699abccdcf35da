from celery import shared_task

from . import services


@shared_task(name="awards.render_document", acks_late=True)
def render_document(document_id: int) -> str:
    """Idempotent: a document already rendered (or being rendered elsewhere) is left alone."""
    return services.document_render(document_id=document_id).status
