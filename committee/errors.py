"""Refusals the committee sees, Thai first: `str(error)` is "ไทย / English"."""

from __future__ import annotations

from core.errors import PortalError


class CommitteeError(PortalError):
    pass


class StaleVersion(CommitteeError):
    """The optimistic lock: a second writer with the same starting version must not overwrite the first."""

    status = 409
    code = "stale_version"

    def __init__(self) -> None:
        super().__init__(
            "มีผู้แก้ไขก่อนหน้าคุณ กรุณาโหลดหน้าใหม่ ตรวจสอบคะแนนล่าสุด แล้วบันทึกอีกครั้ง",
            "someone saved this first; reload the page, check the latest score and save again",
        )


class Conflicted(CommitteeError):
    """Raised for a conflicted member; views answer 404 so nothing about the entrant leaks."""

    status = 404
    code = "conflicted"

    def __init__(self) -> None:
        super().__init__(
            "คุณมีส่วนได้เสียกับจังหวัดนี้ จึงไม่สามารถให้คะแนนได้",
            "you have a conflict of interest with this province and cannot score it",
        )


class NotEntrant(CommitteeError):
    """A unit that does not enter the contest: a 404 too, as for a unit of another office."""

    status = 404
    code = "not_entrant"

    def __init__(self) -> None:
        super().__init__("หน่วยนี้ไม่ได้เข้าร่วมการประกวดนี้", "this unit does not enter this contest")
