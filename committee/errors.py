"""Refusals the committee sees, Thai first: `str(error)` is "ไทย / English"."""

from __future__ import annotations


class CommitteeError(ValueError):
    def __init__(self, th: str, en: str) -> None:
        super().__init__(f"{th} / {en}")
        self.th, self.en = th, en


class StaleVersion(CommitteeError):
    """The optimistic lock: a second writer with the same starting version must not overwrite the first."""

    def __init__(self) -> None:
        super().__init__(
            "มีผู้แก้ไขก่อนหน้าคุณ กรุณาโหลดหน้าใหม่ ตรวจสอบคะแนนล่าสุด แล้วบันทึกอีกครั้ง",
            "someone saved this first; reload the page, check the latest score and save again",
        )


class Frozen(CommitteeError):
    def __init__(self, year: int) -> None:
        super().__init__(
            f"ผลการประเมินปี {year} ถูกล็อกแล้ว แก้ไขคะแนนไม่ได้จนกว่าเจ้าหน้าที่ส่วนกลางจะปลดล็อก",
            f"the {year} results are frozen; scores cannot change until central staff unfreeze them",
        )


class Conflicted(CommitteeError):
    """Raised for a conflicted member; views answer 404 so nothing about the province leaks."""

    def __init__(self) -> None:
        super().__init__(
            "คุณมีส่วนได้เสียกับจังหวัดนี้ จึงไม่สามารถให้คะแนนได้",
            "you have a conflict of interest with this province and cannot score it",
        )
