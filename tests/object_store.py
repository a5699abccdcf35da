"""An S3 API server of our own for the tests: moto's server mode on a loopback port."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.services.portal import free_port


class ObjectStore:
    """An S3 API server of our own (moto's server mode) on a loopback port: a real HTTP S3 endpoint, so the
    portal's boto3 calls, multipart uploads and presigned links are exercised as against MinIO or AWS."""

    def __init__(self, tmp_path: Path):
        self.port, self.proc = free_port(), None
        self.url, self.log = f"http://127.0.0.1:{self.port}", open(tmp_path / "moto.log", "wb")

    def start(self) -> None:
        binary = Path(sys.executable).with_name("moto_server")
        if not binary.exists():
            pytest.fail("moto_server is not installed (pip install -r requirements-dev.txt)")
        args = [str(binary), "-H", "127.0.0.1", "-p", str(self.port)]
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 30
        while not self._answers():
            if time.monotonic() > deadline:
                pytest.fail(f"moto_server did not answer on port {self.port}")
            time.sleep(0.1)

    def _answers(self) -> bool:
        try:
            self.client().list_buckets()
            return True
        except Exception:  # not listening yet
            return False

    def client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.url, region_name="us-east-1", aws_access_key_id="cdd4", aws_secret_access_key="cdd4"
        )

    def bucket(self, name: str) -> dict:
        """A new empty bucket, and the environment that points the portal at it (cdd4/object_store.py)."""
        self.client().create_bucket(Bucket=name)
        return {
            "CDD4_S3_BUCKET": name,
            "CDD4_S3_ENDPOINT_URL": self.url,
            "CDD4_S3_ACCESS_KEY": "cdd4",
            "CDD4_S3_SECRET_KEY": "cdd4",
        }

    def objects(self, bucket: str) -> dict[str, bytes]:
        client = self.client()
        listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return {o["Key"]: client.get_object(Bucket=bucket, Key=o["Key"])["Body"].read() for o in listed}
