"""Service mode's object store, from the options (cdd4/options.py, CDD4_S3_*): with CDD4_S3_BUCKET set the
portal keeps evidence, stage files and generated documents there (core.storage.ObjectStorage) instead of
MEDIA_ROOT. CDD4_S3_PUBLIC_URL is the address browsers use, which presigned download links are signed for
(docker-compose: the portal's own origin, nginx passes /<bucket>/ to the store)."""

from __future__ import annotations

from cdd4.options import Options


def object_store(options: Options) -> dict | None:
    bucket = options.CDD4_S3_BUCKET.strip()
    if not bucket:
        return None
    from boto3.s3.transfer import TransferConfig  # only in service mode: the embedded default needs no boto

    return {
        "BACKEND": "core.storage.ObjectStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": options.CDD4_S3_ENDPOINT_URL or None,
            "public_url": options.CDD4_S3_PUBLIC_URL,
            "access_key": options.CDD4_S3_ACCESS_KEY or None,
            "secret_key": options.CDD4_S3_SECRET_KEY or None,
            "region_name": options.CDD4_S3_REGION,
            "addressing_style": "path",  # MinIO and moto answer at /<bucket>/<key>; nginx passes that path on
            "signature_version": "s3v4",
            "default_acl": None,  # the bucket's own: private
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": options.CDD4_S3_LINK_SECONDS,
            # A 1 GB video goes up in 8 MB parts, two at a time: the web process's memory stays flat.
            "transfer_config": TransferConfig(multipart_chunksize=8 << 20, max_concurrency=2),
            "max_memory_size": 8 << 20,  # a file Django opens through the store spills to disk past this
        },
    }
