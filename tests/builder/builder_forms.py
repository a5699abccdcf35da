"""Builder forms of a chosen size: one contest of one milestones criterion whose levels each hold
`conditions` conditions, as the page posts them. Used by tests/builder/test_builder_form_bounds.py and by
bench/builder.py, which times the builder's parse of them."""

from urllib.parse import urlencode

from django.utils.datastructures import MultiValueDict

RULE = "d0c0-r-levels"


def milestone_post(levels: int, conditions: int, claimed: int | None = None, **more: str) -> MultiValueDict:
    """`claimed`: the row counts the form says it has (200 is more than the builder's caps allow), for
    levels and for each level's conditions; the rows filled are `levels` × `conditions`."""
    post = MultiValueDict()
    for key, value in {
        "year": "2568", "name_th": "ทดลอง", "name_en": "trial", "starts_on": "01/10/2567", "ends_on": "30/09/2568",
        "total_points": "5", "slug": "trial-2568", "entrant_level": "district", "entrants_all": "on",
        "dims": "1", "d0-code": "1", "d0-max_points": "5", "d0-crits": "1",
        "d0c0-code": "1.1", "d0c0-max_points": "5", "d0c0-deadline": "20/07/2568",
        "d0c0-kind": "milestones", "d0c0-kind_was": "milestones", f"{RULE}-rows": str(claimed or levels),
    }.items():  # fmt: skip
        post[key] = value
    for i in range(levels):
        row = f"{RULE}-{i}-"
        post[f"{row}grade"], post[f"{row}points"] = f"L{i}", str(max(5 - i, 0))
        post[f"{row}th"], post[f"{row}en"] = f"ระดับ {i}", f"level {i}"
        post[f"{row}when-rows"] = str(claimed or conditions)
        for j in range(conditions):
            box = f"{row}when-{j}-"
            post[f"{box}fact"], post[f"{box}test"], post[f"{box}value"] = f"uses_{j}", "min", str(j + 1)
    for key, value in more.items():
        post[key] = value
    return post


FORM = "application/x-www-form-urlencoded"  # as the browser posts the builder: the test client's multipart is
# refused by the upload gate for a body this large (cdd4.middleware.UploadGateMiddleware)


def encoded(post: MultiValueDict) -> str:
    """The form as the browser posts it."""
    return urlencode(list(post.lists()), doseq=True)


def size(post: MultiValueDict) -> int:
    return len(encoded(post).encode())


def fields(post: MultiValueDict) -> int:
    return sum(len(values) for values in post.lists())
