"""The object store of service mode: django-storages' S3 backend, with presigned links signed for
the address browsers use.

The web machines reach the store inside the network (`http://minio:9000`); a browser cannot. Links are
signed for `public_url` instead (deploy/nginx.conf passes `/<bucket>/` through to the store with the
browser's Host, so the signature holds and the file comes from the portal's own origin, under its CSP).
Signing needs no connection: the public client only computes the link.
"""

from __future__ import annotations

import threading

from botocore.exceptions import ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class ObjectStorage(S3Storage):
    def __init__(self, *, public_url: str = "", **options):
        super().__init__(**options)
        self.public_url = public_url or self.endpoint_url
        self._signers = threading.local()

    def _signer(self):
        signer = getattr(self._signers, "client", None)
        if signer is None:
            signer = self._create_session().client(
                "s3", region_name=self.region_name, endpoint_url=self.public_url, config=self.client_config
            )
            self._signers.client = signer
        return signer

    def put_file(self, name: str, path: str) -> None:
        """Uploads a local file from its path: boto reads each part from the file as it sends it (through
        `save` a stream is read ahead into memory, ten parts at a time)."""
        key = self._normalize_name(clean_name(name))
        self.bucket.upload_file(path, key, ExtraArgs=self._get_write_parameters(key), Config=self.transfer_config)

    def stream(self, name):
        """The object's body as a stream read a block at a time (S3File would hold it whole in memory);
        FileNotFoundError when there is none."""
        try:
            return self.bucket.Object(self._normalize_name(clean_name(name))).get()["Body"]
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404"):
                raise FileNotFoundError(name) from exc
            raise

    def url(self, name, parameters=None, expire=None, http_method=None):
        params = {**(parameters or {}), "Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
        return self._signer().generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expire or self.querystring_expire, HttpMethod=http_method
        )
